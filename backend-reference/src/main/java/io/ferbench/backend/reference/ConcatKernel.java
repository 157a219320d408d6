package io.ferbench.backend.reference;

import java.util.ArrayList;
import java.util.List;

/** Concatenation along channels; the gradient is cut back into the inputs' channel ranges. */
final class ConcatKernel implements Kernel {
    private List<Activation> inputs;

    @Override
    public Activation forward(List<Activation> inputs, boolean training) {
        this.inputs = List.copyOf(inputs);
        Activation first = inputs.get(0);
        int channels = inputs.stream().mapToInt(Activation::channels).sum();
        Activation y = Activation.zeros(first.n(), channels, first.height(), first.width());
        int at = 0;
        for (Activation x : inputs) {
            Channels.copy(x, 0, y, at, x.channels());
            at += x.channels();
        }
        return y;
    }

    @Override
    public List<Activation> backward(Activation dy, Gradients gradients, boolean inputGradients) {
        List<Activation> dx = new ArrayList<>(inputs.size());
        int at = 0;
        for (Activation x : inputs) {
            Activation part = x.zerosLike();
            Channels.copy(dy, at, part, 0, x.channels());
            dx.add(part);
            at += x.channels();
        }
        return dx;
    }
}
