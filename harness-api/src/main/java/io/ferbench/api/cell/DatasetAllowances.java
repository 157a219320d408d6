package io.ferbench.api.cell;

/**
 * What a dataset may do that ferbench refuses by default, each allowed by the suite and recorded with the cell.
 *
 * @param followSymlinks      images or folders that are symbolic links to places outside the dataset's folder are
 *                            used (by default such a dataset is refused: its content could change under a fixed name)
 * @param allowMissingClasses a class may have no images in a validation or test split the dataset brings (by default
 *                            refused: the class would count 0 in the macro recall and F1)
 */
public record DatasetAllowances(boolean followSymlinks, boolean allowMissingClasses) {
    public static DatasetAllowances none() {
        return new DatasetAllowances(false, false);
    }
}
