package io.ferbench.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.ferbench.api.backend.AdamSchedule;
import io.ferbench.api.backend.OptimizerSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code torch.optim.Adam} (L2 weight decay added to the gradient, no AMSGrad) applied to DJL
 * parameter arrays.
 *
 * <p>Why not DJL's {@code Adam}: it follows MXNet and adds epsilon before the second moment is
 * bias-corrected, {@code w -= lr·√(1-β₂ᵗ)/(1-β₁ᵗ) · m / (√v + ε)}, whereas PyTorch adds it after,
 * {@code w -= lr/(1-β₁ᵗ) · m / (√v/√(1-β₂ᵗ) + ε)}. Early in training (√(1-β₂ᵗ) ≈ 0.03 at t = 1) DJL's
 * effective epsilon is some 30 times PyTorch's. Multiplying PyTorch's numerator and denominator by
 * √(1-β₂ᵗ) gives {@code w -= lr·√(1-β₂ᵗ)/(1-β₁ᵗ) · m / (√v + ε·√(1-β₂ᵗ))}: DJL's fused native kernel
 * with a per-step epsilon of {@code ε·√(1-β₂ᵗ)}. That is what this class feeds it, keeping the kernel's
 * speed (one native call per parameter) and PyTorch's update up to float rounding. Step counts are kept
 * per parameter, as PyTorch does, so a parameter that was frozen for a while resumes its own schedule.
 */
final class TorchAdam implements AutoCloseable {
    private final OptimizerSpec spec;  // betas, epsilon and weight decay; the learning rate may change
    private double learningRate;
    private final Map<String, State> states = new HashMap<>();

    private static final class State implements AutoCloseable {
        final NDArray mean;
        final NDArray variance;
        int steps;

        State(NDArray weight) {
            mean = weight.zerosLike();
            variance = weight.zerosLike();
        }

        @Override public void close() {
            mean.close();
            variance.close();
        }
    }

    TorchAdam(OptimizerSpec spec) {
        this.spec = AdamSchedule.check("djl", spec);
        setLearningRate(spec.learningRate());
    }

    void setLearningRate(double learningRate) {
        this.learningRate = AdamSchedule.checkLearningRate(learningRate);
    }

    /**
     * One Adam step of the parameter {@code key}; afterwards the weight's gradient is zero (the
     * kernel clears it), ready for the next backward pass.
     */
    void update(String key, NDArray weight, NDArray gradient) {
        State state = states.computeIfAbsent(key, k -> new State(weight));
        int t = ++state.steps;
        float stepSize = (float) AdamSchedule.stepSize(learningRate, spec.beta1(), spec.beta2(), t);
        float stepEpsilon = (float) AdamSchedule.stepEpsilon(spec.epsilon(), spec.beta2(), t);
        weight.getNDArrayInternal().adamUpdate(
                new NDList(weight, gradient, state.mean, state.variance),
                new NDList(weight),
                (float) learningRate,   // used by the kernel only for AdamW, which this is not
                stepSize,
                (float) spec.weightDecay(),
                1f,                     // no gradient rescaling
                -1f,                    // no gradient clipping
                (float) spec.beta1(),
                (float) spec.beta2(),
                stepEpsilon,
                true,
                false);
    }

    /** Steps taken so far for {@code key} (0 when never updated). */
    int steps(String key) {
        State s = states.get(key);
        return s == null ? 0 : s.steps;
    }

    @Override
    public void close() {
        states.values().forEach(State::close);
        states.clear();
    }
}
