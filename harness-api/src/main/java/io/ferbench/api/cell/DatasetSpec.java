package io.ferbench.api.cell;

import java.util.List;

/**
 * A dataset as a suite declares it, after validation and defaults.
 *
 * @param name            id of the dataset within the suite (used in results)
 * @param kind            {@code synthetic}, {@code folder}, {@code fer2013-csv} or {@code labels-csv}
 * @param path            folder or CSV file, relative to the data root unless absolute; null for synthetic
 * @param root            image root for {@code labels-csv} (default: the CSV's folder); null otherwise
 * @param classes         class subset by name, or empty for all (order here is the class index order)
 * @param imagesPerClass  cap per class (synthetic: number drawn per class); null for no cap
 * @param imageSize       images are resized to {@code imageSize × imageSize}
 * @param grayscale       convert to one channel (the study's setting) or keep RGB
 * @param minConfidence   {@code labels-csv}: drop rows whose confidence is below this; null keeps all
 * @param seed            seeds the synthetic generator and the stratified splits
 * @param classCount      for a dataset that does not list its classes: how many it must have (checked when it is
 *                        prepared, and the count smoke runs draw synthetic classes for); null otherwise
 * @param download        where to get the data and how to unpack it, shown when the data is missing; null for none
 * @param remedies        what a run drops of what the dataset audit finds ({@code dedupe}, {@code drop_degenerate})
 * @param allowances      what the dataset may do that is refused by default ({@code follow_symlinks},
 *                        {@code allow_missing_classes})
 */
public record DatasetSpec(String name, String kind, String path, String root, List<String> classes,
                          Integer imagesPerClass, int imageSize, boolean grayscale, Double minConfidence,
                          long seed, Integer classCount, String download, DatasetRemedies remedies,
                          DatasetAllowances allowances) {
    public DatasetSpec {
        classes = classes == null ? List.of() : List.copyOf(classes);
        if (remedies == null) remedies = DatasetRemedies.none();
        if (allowances == null) allowances = DatasetAllowances.none();
    }

    /** A dataset that is allowed nothing beyond the defaults. */
    public DatasetSpec(String name, String kind, String path, String root, List<String> classes,
                       Integer imagesPerClass, int imageSize, boolean grayscale, Double minConfidence, long seed,
                       Integer classCount, String download, DatasetRemedies remedies) {
        this(name, kind, path, root, classes, imagesPerClass, imageSize, grayscale, minConfidence, seed, classCount,
                download, remedies, DatasetAllowances.none());
    }

    /** A dataset whose audit findings are only reported. */
    public DatasetSpec(String name, String kind, String path, String root, List<String> classes,
                       Integer imagesPerClass, int imageSize, boolean grayscale, Double minConfidence, long seed,
                       Integer classCount, String download) {
        this(name, kind, path, root, classes, imagesPerClass, imageSize, grayscale, minConfidence, seed, classCount,
                download, DatasetRemedies.none());
    }

    /** A dataset with no class count check and no download hint. */
    public DatasetSpec(String name, String kind, String path, String root, List<String> classes,
                       Integer imagesPerClass, int imageSize, boolean grayscale, Double minConfidence, long seed) {
        this(name, kind, path, root, classes, imagesPerClass, imageSize, grayscale, minConfidence, seed, null, null);
    }

    public int channels() { return grayscale ? 1 : 3; }

    /** The number of classes when the suite says (by listing them or by {@code class_count}); null otherwise. */
    public Integer knownClassCount() {
        return classes.isEmpty() ? classCount : Integer.valueOf(classes.size());
    }

    public DatasetSpec withImageSize(int size) {
        return new DatasetSpec(name, kind, path, root, classes, imagesPerClass, size, grayscale, minConfidence, seed,
                classCount, download, remedies, allowances);
    }

    /** With another class subset (empty for all); a subset replaces the class count check. */
    public DatasetSpec withClasses(List<String> subset) {
        return new DatasetSpec(name, kind, path, root, subset, imagesPerClass, imageSize, grayscale, minConfidence,
                seed, subset.isEmpty() ? classCount : null, download, remedies, allowances);
    }

    public DatasetSpec withAllowances(DatasetAllowances allowed) {
        return new DatasetSpec(name, kind, path, root, classes, imagesPerClass, imageSize, grayscale, minConfidence,
                seed, classCount, download, remedies, allowed);
    }

    public DatasetSpec withImagesPerClass(Integer cap) {
        return new DatasetSpec(name, kind, path, root, classes, cap, imageSize, grayscale, minConfidence, seed,
                classCount, download, remedies, allowances);
    }
}
