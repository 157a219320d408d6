package io.ferbench.api.result;

/**
 * Penultimate-layer feature vectors of a seeded sample of test images, with their true labels:
 * the input of the report's t-SNE plot.
 *
 * @param labels   true class index per vector
 * @param vectors  {@code [sample][featureDim]}
 */
public record FeatureSample(int[] labels, float[][] vectors) {
    public FeatureSample {
        if (labels.length != vectors.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + vectors.length + " feature vectors");
        }
    }

    public int size() { return labels.length; }
}
