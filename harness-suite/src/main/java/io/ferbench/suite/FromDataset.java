package io.ferbench.suite;

/**
 * The default of the matrix axes that a dataset also sets ({@code classes}, {@code images_per_class},
 * {@code target_accuracy}): "whatever
 * the cell's dataset says". It stands in a combination until the cell's dataset is known, then the planner replaces
 * it with the dataset's value.
 */
enum FromDataset {
    VALUE;

    @Override
    public String toString() {
        return "the dataset's setting";
    }
}
