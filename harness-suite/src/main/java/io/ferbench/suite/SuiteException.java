package io.ferbench.suite;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A suite file is not valid. Carries every problem found (not only the first), ordered by position;
 * the message lists them one per line as {@code file:line:col: key: message}. The accessors
 * {@link #file()}, {@link #line()}, {@link #column()} and {@link #key()} describe the first problem.
 */
public class SuiteException extends RuntimeException {
    private final List<SuiteError> errors;

    public SuiteException(List<SuiteError> errors) {
        super(format(errors));
        this.errors = List.copyOf(errors);
    }

    private static String format(List<SuiteError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a SuiteException needs at least one error");
        }
        return errors.stream().map(SuiteError::toString).collect(Collectors.joining("\n"));
    }

    /** Every problem, ordered by line and column. */
    public List<SuiteError> errors() { return errors; }

    public String file() { return errors.get(0).file(); }

    public int line() { return errors.get(0).line(); }

    public int column() { return errors.get(0).column(); }

    public String key() { return errors.get(0).key(); }
}
