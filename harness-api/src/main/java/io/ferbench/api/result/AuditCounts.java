package io.ferbench.api.result;

/**
 * What the dataset audit found in the dataset a cell trained on (docs/datasets.md): leakage into the test split and
 * label conflicts, counted as groups of images.
 *
 * @param exactLeakGroups  exact-duplicate groups with a member in test and one in training or validation
 * @param exactLeakImages  the images in those groups
 * @param nearLeakGroups   near-duplicate groups with a member in test and one in training or validation
 * @param nearLeakImages   the images in those groups
 * @param labelConflicts   exact-duplicate groups whose members carry different classes (any splits)
 * @param degenerate       blank or nearly constant images
 * @param dropped          images the dataset's remedies ({@code dedupe}, {@code drop_degenerate}) took out of the
 *                         splits before training
 */
public record AuditCounts(int exactLeakGroups, int exactLeakImages, int nearLeakGroups, int nearLeakImages,
                          int labelConflicts, int degenerate, int dropped) {
    /** Whether a reader of the test figures should be warned: leakage into test or conflicting labels. */
    public boolean warrantsWarning() {
        return exactLeakGroups > 0 || nearLeakGroups > 0 || labelConflicts > 0;
    }
}
