package io.ferbench.backend.reference;

import java.util.List;

/**
 * ShuffleNet's channel shuffle: channels seen as {@code [groups, C/groups]}, transposed and flattened, so input
 * channel {@code g·(C/groups) + j} becomes output channel {@code j·groups + g}. The gradient goes back the same way.
 */
final class ChannelShuffleKernel implements Kernel {
    private final int groups;

    ChannelShuffleKernel(int groups) {
        this.groups = groups;
    }

    /** The output channel of input channel {@code c} of {@code channels}. */
    private int shuffled(int c, int channels) {
        int perGroup = channels / groups;
        return c % perGroup * groups + c / perGroup;
    }

    @Override
    public Activation forward(List<Activation> inputs, boolean training) {
        Activation x = inputs.get(0);
        Activation y = x.zerosLike();
        for (int c = 0; c < x.channels(); c++) Channels.copy(x, c, y, shuffled(c, x.channels()), 1);
        return y;
    }

    @Override
    public List<Activation> backward(Activation dy, Gradients gradients, boolean inputGradients) {
        Activation dx = dy.zerosLike();
        for (int c = 0; c < dy.channels(); c++) Channels.copy(dy, shuffled(c, dy.channels()), dx, c, 1);
        return List.of(dx);
    }
}
