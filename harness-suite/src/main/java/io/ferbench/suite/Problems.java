package io.ferbench.suite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one suite file so that all of them are reported together. */
final class Problems {
    private final String file;
    private final List<SuiteError> errors = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(SourceMark mark, String key, String message) {
        errors.add(new SuiteError(file, mark.line(), mark.column(), key, message));
    }

    boolean isEmpty() { return errors.isEmpty(); }

    int count() { return errors.size(); }

    /** Throws a {@link SuiteException} with every problem so far, by position, when there is any. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            List<SuiteError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(SuiteError::line).thenComparingInt(SuiteError::column));
            throw new SuiteException(sorted);
        }
    }
}
