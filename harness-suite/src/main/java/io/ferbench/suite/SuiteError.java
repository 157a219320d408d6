package io.ferbench.suite;

/**
 * One problem found in a suite file.
 *
 * @param file    the file name as given to {@link Suites}
 * @param line    1-based line, or 0 when the problem has no position (the file could not be read)
 * @param column  1-based column, or 0 with line 0
 * @param key     dotted key path such as {@code matrix.include[0].backend}; empty for the whole file
 * @param message what is wrong and what would be valid
 */
public record SuiteError(String file, int line, int column, String key, String message) {

    /** {@code file:line:col: key: message}, leaving out the parts that are unknown. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(": ");
        if (!key.isEmpty()) {
            text.append(key).append(": ");
        }
        return text.append(message).toString();
    }
}
