package io.ferbench.api.testing;

import io.ferbench.api.backend.OptimizerSpec;

/**
 * {@code torch.optim.Adam} ({@code _single_tensor_adam}) on one parameter vector, in double precision: the one
 * reference every backend's Adam is tested against. Weight decay is L2 (added to the gradient); epsilon is added to
 * the bias-corrected root of the second moment, as PyTorch does (not before the correction, as MXNet and libnd4j do).
 */
public final class TorchAdamReference {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final double[] m;
    private final double[] v;
    private int t;

    public TorchAdamReference(OptimizerSpec spec, int size) {
        beta1 = spec.beta1();
        beta2 = spec.beta2();
        epsilon = spec.epsilon();
        weightDecay = spec.weightDecay();
        m = new double[size];
        v = new double[size];
    }

    /** One step on {@code w} (updated in place) with gradient {@code grad} and learning rate {@code lr}. */
    public void step(double[] w, double[] grad, double lr) {
        t++;
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        for (int i = 0; i < w.length; i++) {
            double g = grad[i] + weightDecay * w[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            w[i] -= lr / bc1 * m[i] / (Math.sqrt(v[i]) / Math.sqrt(bc2) + epsilon);
        }
    }

    /** Steps taken. */
    public int steps() { return t; }
}
