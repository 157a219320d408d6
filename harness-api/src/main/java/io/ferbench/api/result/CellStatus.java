package io.ferbench.api.result;

import java.util.Locale;

/** How a cell ended. */
public enum CellStatus {
    /** Trained and evaluated. */
    OK,
    /** Training stopped on a NaN or infinite loss; the history up to that point is kept. */
    DIVERGED,
    /** The worker could not finish: error, crash, timeout, out of memory, unknown backend... */
    FAILED;

    /** The lower-case word used in files ({@code ok}, {@code diverged}, {@code failed}). */
    public String label() { return name().toLowerCase(Locale.ROOT); }

    /** Finished cells are kept on resume; failed ones are run again. */
    public boolean isFinished() { return this != FAILED; }
}
