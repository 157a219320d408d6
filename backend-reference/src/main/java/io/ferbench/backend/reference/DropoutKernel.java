package io.ferbench.backend.reference;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Inverted dropout: in a training pass each value is kept with probability {@code 1 − p} and scaled by
 * {@code 1/(1 − p)}, else zeroed; an evaluation pass is the identity. The masks come from the model's seed, so a
 * run repeats exactly (they cannot equal another engine's masks: compare engines with {@code p = 0}).
 */
final class DropoutKernel implements Kernel {
    private final double p;
    private final SplittableRandom random;
    /** The last training pass's per-value factor (0 or 1/(1 − p)); null for the identity. */
    private float[] scale;

    DropoutKernel(double p, SplittableRandom random) {
        this.p = p;
        this.random = random;
    }

    @Override
    public Activation forward(List<Activation> inputs, boolean training) {
        Activation x = inputs.get(0);
        if (!training || p == 0) {
            scale = null;
            return x;
        }
        float kept = (float) (1 / (1 - p));
        scale = new float[x.data().length];
        Activation y = x.zerosLike();
        for (int j = 0; j < scale.length; j++) {
            scale[j] = random.nextDouble() < p ? 0f : kept;
            y.data()[j] = x.data()[j] * scale[j];
        }
        return y;
    }

    @Override
    public List<Activation> backward(Activation dy, Gradients gradients, boolean inputGradients) {
        if (scale == null) return List.of(dy);
        Activation dx = dy.zerosLike();
        for (int j = 0; j < scale.length; j++) dx.data()[j] = dy.data()[j] * scale[j];
        return List.of(dx);
    }
}
