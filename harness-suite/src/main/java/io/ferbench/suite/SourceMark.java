package io.ferbench.suite;

/**
 * A position in a suite file, 1-based, as editors show it; line 0 means "no position" (for example a
 * file that could not be read).
 */
record SourceMark(int line, int column) {
    static final SourceMark NONE = new SourceMark(0, 0);
    static final SourceMark START = new SourceMark(1, 1);

    static SourceMark of(org.yaml.snakeyaml.error.Mark mark) {
        return mark == null ? NONE : new SourceMark(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
