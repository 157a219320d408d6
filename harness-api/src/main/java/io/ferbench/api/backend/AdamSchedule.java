package io.ferbench.api.backend;

import java.util.Locale;

/**
 * The engine-independent part of {@code torch.optim.Adam} (L2 weight decay, no AMSGrad) for backends whose fused
 * Adam kernel adds epsilon <em>before</em> the second moment is bias-corrected (DJL/MXNet, libnd4j, TensorFlow's
 * {@code ResourceApplyAdam}): {@code w -= lr·√(1-β₂ᵗ)/(1-β₁ᵗ) · m / (√v + ε')}. PyTorch computes
 * {@code w -= lr/(1-β₁ᵗ) · m / (√v/√(1-β₂ᵗ) + ε)}; multiplying its numerator and denominator by {@code √(1-β₂ᵗ)}
 * shows the two agree when the kernel is fed {@code ε' = ε·√(1-β₂ᵗ)}. This class validates the optimizer spec
 * and computes those per-step scalars; each backend keeps its own engine calls.
 */
public final class AdamSchedule {
    private AdamSchedule() {}

    /**
     * Checks that {@code spec} asks for Adam with usable hyper-parameters.
     *
     * @param backend  the backend id, named in the error for another optimizer type
     * @return {@code spec}
     * @throws IllegalArgumentException naming the offending field and its valid range
     */
    public static OptimizerSpec check(String backend, OptimizerSpec spec) {
        if (spec == null) throw new IllegalArgumentException("the model spec has no optimizer");
        if (!"adam".equals(String.valueOf(spec.type()).toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the " + backend + " backend implements optimizer 'adam', got '"
                    + spec.type() + "'");
        }
        requireUnitInterval("beta1", spec.beta1());
        requireUnitInterval("beta2", spec.beta2());
        if (!(spec.epsilon() > 0)) throw new IllegalArgumentException("adam epsilon must be > 0, got " + spec.epsilon());
        if (!(spec.weightDecay() >= 0)) {
            throw new IllegalArgumentException("adam weight decay must be >= 0, got " + spec.weightDecay());
        }
        checkLearningRate(spec.learningRate());
        return spec;
    }

    /** Returns {@code learningRate} when it is a positive finite number, else throws naming it. */
    public static double checkLearningRate(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        return learningRate;
    }

    private static void requireUnitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException("adam " + name + " must be in [0, 1), got " + value);
        }
    }

    /** The kernel's step size at step {@code t} (1-based): {@code lr·√(1-β₂ᵗ)/(1-β₁ᵗ)}. */
    public static double stepSize(double learningRate, double beta1, double beta2, int t) {
        return learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
    }

    /** The epsilon to feed the kernel at step {@code t} (1-based) for PyTorch's update: {@code ε·√(1-β₂ᵗ)}. */
    public static double stepEpsilon(double epsilon, double beta2, int t) {
        return epsilon * Math.sqrt(1 - Math.pow(beta2, t));
    }
}
