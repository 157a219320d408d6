package io.ferbench.backend.reference;

import java.util.List;

/** {@code [N, C, H, W] → [N, C·H·W]}: the same values, so the gradient only takes the input's shape back. */
final class FlattenKernel implements Kernel {
    private Activation input;

    @Override
    public Activation forward(List<Activation> inputs, boolean training) {
        input = inputs.get(0);
        return input.flat();
    }

    @Override
    public List<Activation> backward(Activation dy, Gradients gradients, boolean inputGradients) {
        return List.of(new Activation(dy.data(), input.n(), input.channels(), input.height(), input.width()));
    }
}
