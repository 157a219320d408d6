package io.ferbench.worker.audit;

import java.util.Locale;

/** What the audit found about an image or a group of images. */
public enum FindingKind {
    /** Images whose decoded pixels are identical (the same picture saved twice, in any format). */
    EXACT_DUPLICATE,
    /** Images within the perceptual-hash threshold of each other that are not all exact copies. */
    NEAR_DUPLICATE,
    /** An exact-duplicate group whose members carry different classes. */
    LABEL_CONFLICT,
    /** A near-duplicate group whose members carry different classes. */
    NEAR_LABEL_CONFLICT,
    /** A constant or nearly constant image (pixel standard deviation below the threshold). */
    DEGENERATE,
    /** An image whose size before resizing differs from the dataset's usual size. */
    SIZE_MISMATCH,
    /** A file the dataset could not use (it is skipped when the dataset is prepared). */
    UNREADABLE;

    /** The name in audit files: {@code exact_duplicate}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
