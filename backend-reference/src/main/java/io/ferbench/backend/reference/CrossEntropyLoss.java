package io.ferbench.backend.reference;

import io.ferbench.api.backend.ModelSpec;
import java.util.Arrays;

/**
 * {@code torch.nn.CrossEntropyLoss} on logits, in double, with its gradient: the mean of the samples' negative
 * log-likelihoods, or with class weights {@code Σ w[yᵢ]·ℓᵢ / Σ w[yᵢ]}; with label smoothing ε each sample's term is
 * {@code ℓᵢ = (1 − ε)·nllᵢ + ε·mean_c(−log pᵢc)} ({@link ModelSpec#labelSmoothing()}). The gradient with respect
 * to logit {@code c} of sample {@code i} is {@code sᵢ·(pᵢc − (1 − ε)·[c = yᵢ] − ε/K)}, {@code sᵢ} the sample's
 * share of the mean.
 */
final class CrossEntropyLoss {
    private final int classes;
    private final float[] classWeights;
    private final double smoothing;

    /** The loss and, when asked for, its gradient with respect to the logits. */
    record Value(double loss, Activation gradient) {}

    /** @param classWeights  null for the plain mean, else one finite weight >= 0 per class */
    CrossEntropyLoss(int classes, float[] classWeights, double labelSmoothing) {
        this.classes = classes;
        this.smoothing = ModelSpec.checkLabelSmoothing(labelSmoothing);
        if (classWeights != null && classWeights.length != classes) {
            throw new IllegalArgumentException("class weights have " + classWeights.length + " entries but the model"
                    + " has " + classes + " classes");
        }
        for (int c = 0; classWeights != null && c < classes; c++) {
            if (!(classWeights[c] >= 0) || Float.isInfinite(classWeights[c])) {
                throw new IllegalArgumentException("class weight " + c + " must be a finite number >= 0, got "
                        + classWeights[c]);
            }
        }
        this.classWeights = classWeights == null ? null : classWeights.clone();
    }

    /** The loss of {@code logits} ({@code [N, classes]}) against {@code labels}, with its gradient if asked. */
    Value evaluate(Activation logits, int[] labels, boolean withGradient) {
        int n = labels.length;
        double[] share = shares(labels);
        double loss = 0;
        Activation gradient = withGradient ? logits.zerosLike() : null;
        for (int i = 0; i < n; i++) {
            int row = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            double logitSum = 0;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits.data()[row + c]);
                logitSum += logits.data()[row + c];
            }
            double expSum = 0;
            for (int c = 0; c < classes; c++) expSum += Math.exp(logits.data()[row + c] - max);
            double logPartition = max + Math.log(expSum);
            double nll = logPartition - logits.data()[row + labels[i]];
            double meanNegLog = logPartition - logitSum / classes;
            loss += share[i] * ((1 - smoothing) * nll + smoothing * meanNegLog);
            if (gradient == null) continue;
            for (int c = 0; c < classes; c++) {
                double p = Math.exp(logits.data()[row + c] - logPartition);
                double target = (c == labels[i] ? 1 - smoothing : 0) + smoothing / classes;
                gradient.data()[row + c] = (float) (share[i] * (p - target));
            }
        }
        return new Value(loss, gradient);
    }

    /** Each sample's weight in the mean: 1/N, or its class weight over the batch's sum of class weights. */
    private double[] shares(int[] labels) {
        double[] share = new double[labels.length];
        if (classWeights == null) {
            Arrays.fill(share, 1.0 / labels.length);
            return share;
        }
        double total = 0;
        for (int y : labels) total += classWeights[y];
        if (total == 0) {
            throw new IllegalArgumentException("every label in the batch has class weight 0: the weighted loss is"
                    + " undefined (labels " + Arrays.toString(labels) + ")");
        }
        for (int i = 0; i < labels.length; i++) share[i] = classWeights[labels[i]] / total;
        return share;
    }

    /** The number of classes, which labels must index. */
    int classes() {
        return classes;
    }
}
