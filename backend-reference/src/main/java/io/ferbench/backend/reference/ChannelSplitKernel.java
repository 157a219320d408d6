package io.ferbench.backend.reference;

import io.ferbench.api.ir.Op;
import java.util.List;

/** The {@code index}-th of {@code parts} equal channel chunks ({@code torch.chunk} on dim 1; the IR checks that
 * the parts are equal). The gradient is zero outside the chunk. */
final class ChannelSplitKernel implements Kernel {
    private final Op.ChannelSplit op;
    private Activation input;

    ChannelSplitKernel(Op.ChannelSplit op) {
        this.op = op;
    }

    private int chunk() {
        return input.channels() / op.parts();
    }

    @Override
    public Activation forward(List<Activation> inputs, boolean training) {
        input = inputs.get(0);
        Activation y = Activation.zeros(input.n(), chunk(), input.height(), input.width());
        Channels.copy(input, op.index() * chunk(), y, 0, chunk());
        return y;
    }

    @Override
    public List<Activation> backward(Activation dy, Gradients gradients, boolean inputGradients) {
        Activation dx = input.zerosLike();
        Channels.copy(dy, 0, dx, op.index() * chunk(), chunk());
        return List.of(dx);
    }
}
