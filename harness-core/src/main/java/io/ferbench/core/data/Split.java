package io.ferbench.core.data;

import java.util.Locale;

/** The three parts of a prepared dataset. */
public enum Split {
    TRAIN, VALIDATION, TEST;

    /** Lower-case name as used in reports and folder layouts: {@code train}, {@code validation}, {@code test}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
