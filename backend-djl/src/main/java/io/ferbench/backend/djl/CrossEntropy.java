package io.ferbench.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ferbench.api.backend.ModelSpec;
import java.util.Arrays;

/**
 * Softmax cross-entropy on logits as {@code torch.nn.CrossEntropyLoss}: the mean of the per-sample
 * negative log-likelihoods, or with class weights {@code Σ w[yᵢ]·nllᵢ / Σ w[yᵢ]}. With label smoothing ε each
 * example's term is {@code (1 − ε)·nllᵢ + ε·mean_c(−log pᵢc)} (see {@code ModelSpec#labelSmoothing}).
 */
final class CrossEntropy {
    private final int classes;
    private final float[] classWeights;
    private final float labelSmoothing;

    /** {@code classWeights} null for the plain mean; otherwise one finite weight >= 0 per class. */
    CrossEntropy(int classes, float[] classWeights, double labelSmoothing) {
        this.classes = classes;
        this.labelSmoothing = (float) ModelSpec.checkLabelSmoothing(labelSmoothing);
        if (classWeights != null) {
            if (classWeights.length != classes) {
                throw new IllegalArgumentException("class weights have " + classWeights.length
                        + " entries but the model has " + classes + " classes");
            }
            for (int c = 0; c < classes; c++) {
                if (!(classWeights[c] >= 0) || Float.isInfinite(classWeights[c])) {
                    throw new IllegalArgumentException("class weight " + c + " must be a finite number >= 0, got "
                            + classWeights[c]);
                }
            }
            this.classWeights = classWeights.clone();
        } else {
            this.classWeights = null;
        }
    }

    /** The scalar loss of {@code logits} [N, classes] against {@code labels}, on the logits' manager. */
    NDArray loss(NDArray logits, int[] labels) {
        int n = labels.length;
        NDManager manager = logits.getManager();
        long[] index = new long[n];
        for (int i = 0; i < n; i++) index[i] = labels[i];
        NDArray logProbabilities = logits.logSoftmax(1);
        NDArray nll = logProbabilities.gather(manager.create(index, new Shape(n, 1)), 1).reshape(n).neg();
        if (labelSmoothing > 0) {
            nll = nll.mul(1 - labelSmoothing).add(logProbabilities.mean(new int[] {1}).neg().mul(labelSmoothing));
        }
        if (classWeights == null) return nll.mean();

        float[] sampleWeights = new float[n];
        for (int i = 0; i < n; i++) sampleWeights[i] = classWeights[labels[i]];
        if (Arrays.stream(labels).allMatch(y -> classWeights[y] == 0)) {
            throw new IllegalArgumentException("every label in the batch has class weight 0: the weighted loss is"
                    + " undefined (labels " + Arrays.toString(labels) + ")");
        }
        NDArray w = manager.create(sampleWeights);
        return nll.mul(w).sum().div(w.sum());
    }

    /** The number of classes, which labels must index. */
    int classes() {
        return classes;
    }
}
