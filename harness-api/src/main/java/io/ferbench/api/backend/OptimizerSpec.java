package io.ferbench.api.backend;

/**
 * The optimizer a backend must apply, with PyTorch's semantics for Adam (epsilon added to the
 * square root of the second moment; weight decay added to the gradient, L2 style).
 */
public record OptimizerSpec(String type, double learningRate, double beta1, double beta2,
                            double epsilon, double weightDecay) {
    public static OptimizerSpec adam(double learningRate) {
        return new OptimizerSpec("adam", learningRate, 0.9, 0.999, 1e-8, 0.0);
    }
}
