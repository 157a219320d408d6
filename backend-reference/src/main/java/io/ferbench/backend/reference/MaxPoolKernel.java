package io.ferbench.backend.reference;

import io.ferbench.api.ir.Op;
import java.util.List;

/**
 * {@code torch.nn.MaxPool2d(kernel, stride, padding)}: padding never wins (it counts as −∞), floor rounding, and the
 * first maximum in scan order takes the gradient, as PyTorch's CPU kernel picks it.
 */
final class MaxPoolKernel implements Kernel {
    private final Window window;
    private final Parallel parallel;
    private Activation input;
    /** For each output value, the index of the input value it took. */
    private int[] argmax;

    MaxPoolKernel(Op.MaxPool op, Parallel parallel) {
        this.window = new Window(op.kernel(), op.stride(), op.padding());
        this.parallel = parallel;
    }

    @Override
    public Activation forward(List<Activation> inputs, boolean training) {
        Activation x = inputs.get(0);
        input = x;
        Activation y = Activation.zeros(x.n(), x.channels(), window.outputSize(x.height()),
                window.outputSize(x.width()));
        argmax = new int[y.data().length];
        int[][] taps = window.taps(x.height(), x.width());
        parallel.forEach(x.n() * x.channels(), plane -> {
            int in = plane * x.plane();
            int out = plane * y.plane();
            for (int o = 0; o < y.plane(); o++) {
                int best = -1;
                for (int[] tap : taps) {
                    if (tap[o] < 0) continue;
                    float v = x.data()[in + tap[o]];
                    if (best < 0 || v > x.data()[best] || Float.isNaN(v)) best = in + tap[o];
                }
                argmax[out + o] = best;
                y.data()[out + o] = x.data()[best];
            }
        });
        return y;
    }

    @Override
    public List<Activation> backward(Activation dy, Gradients gradients, boolean inputGradients) {
        Activation dx = input.zerosLike();
        int planeOut = dy.plane();
        parallel.forEach(dy.n() * dy.channels(), plane -> {
            // overlapping windows may route several gradients to one input: sum them in double
            double[] sum = new double[input.plane()];
            int first = plane * input.plane();
            for (int j = plane * planeOut; j < (plane + 1) * planeOut; j++) sum[argmax[j] - first] += dy.data()[j];
            ConvKernel.store(sum, dx.data(), first);
        });
        return List.of(dx);
    }
}
