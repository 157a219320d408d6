package io.ferbench.worker.data;

import java.util.Locale;

/** The three parts of a prepared dataset. */
public enum Split {
    TRAIN, VALIDATION, TEST;

    /** Lower-case name as used in reports and folder layouts: {@code train}, {@code validation}, {@code test}. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
