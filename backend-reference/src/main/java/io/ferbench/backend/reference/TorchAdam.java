package io.ferbench.backend.reference;

import io.ferbench.api.backend.AdamSchedule;
import io.ferbench.api.backend.OptimizerSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code torch.optim.Adam} written out as PyTorch's {@code _single_tensor_adam} computes it: L2 weight decay added to
 * the gradient, {@code w -= lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε)}, moments in double. Each parameter counts its own
 * steps, as PyTorch does, so one frozen for a while resumes its own schedule.
 */
final class TorchAdam {
    private final OptimizerSpec spec;  // betas, epsilon and weight decay; the learning rate may change
    private double learningRate;
    private final Map<String, Moments> moments = new HashMap<>();

    private static final class Moments {
        final double[] first;
        final double[] second;
        int steps;

        Moments(int size) {
            first = new double[size];
            second = new double[size];
        }
    }

    TorchAdam(OptimizerSpec spec) {
        this.spec = AdamSchedule.check(ReferenceBackendProvider.ID, spec);
        setLearningRate(spec.learningRate());
    }

    void setLearningRate(double learningRate) {
        this.learningRate = AdamSchedule.checkLearningRate(learningRate);
    }

    /** One step of parameter {@code key}: {@code weight} is updated in place from {@code gradient}. */
    void step(String key, float[] weight, double[] gradient) {
        Moments state = moments.computeIfAbsent(key, k -> new Moments(weight.length));
        int t = ++state.steps;
        double beta1 = spec.beta1();
        double beta2 = spec.beta2();
        double stepSize = learningRate / (1 - Math.pow(beta1, t));
        double secondCorrection = Math.sqrt(1 - Math.pow(beta2, t));
        for (int j = 0; j < weight.length; j++) {
            double g = gradient[j] + spec.weightDecay() * weight[j];
            state.first[j] = beta1 * state.first[j] + (1 - beta1) * g;
            state.second[j] = beta2 * state.second[j] + (1 - beta2) * g * g;
            double denominator = Math.sqrt(state.second[j]) / secondCorrection + spec.epsilon();
            weight[j] = (float) (weight[j] - stepSize * state.first[j] / denominator);
        }
    }
}
