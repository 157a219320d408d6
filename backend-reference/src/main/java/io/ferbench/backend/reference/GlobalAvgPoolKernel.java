package io.ferbench.backend.reference;

import java.util.List;

/** The mean over rows and columns, {@code [N, C, H, W] → [N, C, 1, 1]}; each position gets {@code 1/(H·W)} of the
 * gradient. */
final class GlobalAvgPoolKernel implements Kernel {
    private Activation input;

    @Override
    public Activation forward(List<Activation> inputs, boolean training) {
        Activation x = inputs.get(0);
        input = x;
        Activation y = Activation.zeros(x.n(), x.channels(), 1, 1);
        for (int plane = 0; plane < x.n() * x.channels(); plane++) {
            double sum = 0;
            for (int j = plane * x.plane(); j < (plane + 1) * x.plane(); j++) sum += x.data()[j];
            y.data()[plane] = (float) (sum / x.plane());
        }
        return y;
    }

    @Override
    public List<Activation> backward(Activation dy, Gradients gradients, boolean inputGradients) {
        Activation dx = input.zerosLike();
        for (int plane = 0; plane < dy.data().length; plane++) {
            float share = (float) ((double) dy.data()[plane] / input.plane());
            for (int j = plane * input.plane(); j < (plane + 1) * input.plane(); j++) dx.data()[j] = share;
        }
        return List.of(dx);
    }
}
