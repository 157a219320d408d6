package io.ferbench.backend.dl4j;

/**
 * Wall time of a model's training steps split into their parts, accumulated since the last
 * {@link #reset}: a handful of {@code System.nanoTime} calls per step, so it is always on and the
 * profiler ({@code StepProfile} in the tests) reads it without a special build.
 */
final class StepPhases {
    /** Host float[] images and labels copied into ND4J arrays. */
    long inputNanos;
    /** DL4J's training-mode forward pass, backward pass and loss ({@code computeGradientAndScore}). */
    long forwardBackwardNanos;
    /** Adam on every parameter and the batch-norm running statistics. */
    long updateNanos;
    /** Whole {@code trainStep} calls. */
    long stepNanos;
    int steps;

    void reset() {
        inputNanos = forwardBackwardNanos = updateNanos = stepNanos = 0;
        steps = 0;
    }
}
