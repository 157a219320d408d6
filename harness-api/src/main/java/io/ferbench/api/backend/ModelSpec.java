package io.ferbench.api.backend;

import io.ferbench.api.tensor.NamedTensors;

/**
 * Everything a backend needs to build a trainable model besides the graph.
 *
 * @param seed            seeds the engine (dropout masks and any weights not given)
 * @param initialWeights  weights to start from, keyed by IR parameter names; null lets the backend
 *                        initialise (the harness normally passes the IR's seeded initialisation so
 *                        every backend starts from the same weights)
 * @param optimizer       optimizer and its hyperparameters
 * @param classWeights    per-class loss weights for a weighted cross-entropy, or null for the plain mean
 * @param labelSmoothing  label smoothing ε in [0, 1) (PyTorch's {@code label_smoothing} without class weights):
 *                        the training loss takes the target
 *                        {@code (1 − ε)·onehot(y) + ε/K} over the K classes, so each example's loss is
 *                        {@code (1 − ε)·nll(y) + ε·mean over classes of −log p}; with class weights every example
 *                        keeps the weight of its true class. 0 is the plain cross-entropy.
 */
public record ModelSpec(long seed, NamedTensors initialWeights, OptimizerSpec optimizer, float[] classWeights,
                        double labelSmoothing) {
    public ModelSpec {
        checkLabelSmoothing(labelSmoothing);
    }

    /** A model trained with the plain (or class-weighted) cross-entropy. */
    public ModelSpec(long seed, NamedTensors initialWeights, OptimizerSpec optimizer, float[] classWeights) {
        this(seed, initialWeights, optimizer, classWeights, 0);
    }

    /** Returns {@code epsilon} when it is in [0, 1), else throws naming the valid range. */
    public static double checkLabelSmoothing(double epsilon) {
        if (!(epsilon >= 0 && epsilon < 1)) {
            throw new IllegalArgumentException("label smoothing must be >= 0 and < 1, got " + epsilon);
        }
        return epsilon;
    }
}
