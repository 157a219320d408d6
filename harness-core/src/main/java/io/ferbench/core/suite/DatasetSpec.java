package io.ferbench.core.suite;

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
 */
public record DatasetSpec(String name, String kind, String path, String root, List<String> classes,
                          Integer imagesPerClass, int imageSize, boolean grayscale, Double minConfidence,
                          long seed) {
    public DatasetSpec {
        classes = classes == null ? List.of() : List.copyOf(classes);
    }

    public int channels() { return grayscale ? 1 : 3; }

    public DatasetSpec withImageSize(int size) {
        return new DatasetSpec(name, kind, path, root, classes, imagesPerClass, size, grayscale, minConfidence, seed);
    }
}
