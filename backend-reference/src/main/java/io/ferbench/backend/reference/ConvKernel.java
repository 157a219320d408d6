package io.ferbench.backend.reference;

import io.ferbench.api.ir.Op;
import java.util.Arrays;
import java.util.List;

/**
 * {@code torch.nn.functional.conv2d} with groups and an optional bias; weight {@code [out, in/groups, k, k]}. The
 * forward pass and the input gradient are split by output plane, the weight gradient by output channel.
 */
final class ConvKernel implements Kernel {
    private final Op.Conv2d op;
    private final Window window;
    private final WeightAndBias parameters;
    private final Parallel parallel;
    private Activation input;
    private int[][] taps;

    ConvKernel(String node, Op.Conv2d op, Weights weights, Parallel parallel) {
        this.op = op;
        this.window = new Window(op.kernel(), op.stride(), op.padding());
        this.parameters = WeightAndBias.of(node, op.bias(), weights);
        this.parallel = parallel;
    }

    /** Input channels per group. */
    private int inPerGroup() {
        return input.channels() / op.groups();
    }

    /** Output channels per group. */
    private int outPerGroup() {
        return op.outChannels() / op.groups();
    }

    /** Where the weights of output channel {@code oc} for its group's input channel {@code g} start. */
    private int weightAt(int oc, int g) {
        return (oc * inPerGroup() + g) * taps.length;
    }

    @Override
    public Activation forward(List<Activation> inputs, boolean training) {
        Activation x = inputs.get(0);
        input = x;
        taps = window.taps(x.height(), x.width());
        int out = op.outChannels();
        float[] weight = parameters.weight();
        float[] bias = parameters.bias();
        Activation y = Activation.zeros(x.n(), out, window.outputSize(x.height()), window.outputSize(x.width()));
        parallel.forEach(x.n() * out, job -> {
            int i = job / out;
            int oc = job % out;
            int firstIn = oc / outPerGroup() * inPerGroup();
            double[] sum = new double[y.plane()];
            if (bias != null) Arrays.fill(sum, bias[oc]);
            for (int g = 0; g < inPerGroup(); g++) {
                int plane = x.offset(i, firstIn + g);
                for (int t = 0; t < taps.length; t++) {
                    double w = weight[weightAt(oc, g) + t];
                    int[] tap = taps[t];
                    for (int o = 0; o < tap.length; o++) {
                        if (tap[o] >= 0) sum[o] += w * x.data()[plane + tap[o]];
                    }
                }
            }
            store(sum, y.data(), y.offset(i, oc));
        });
        return y;
    }

    @Override
    public List<Activation> backward(Activation dy, Gradients gradients, boolean inputGradients) {
        double[] weightGradient = parameters.weightGradient(gradients);
        double[] biasGradient = parameters.biasGradient(gradients);
        if (weightGradient != null || biasGradient != null) {
            parallel.forEach(op.outChannels(), oc -> parameterGradients(dy, oc, weightGradient, biasGradient));
        }
        return Arrays.asList(inputGradients ? inputGradient(dy) : null);
    }

    private void parameterGradients(Activation dy, int oc, double[] weightGradient, double[] biasGradient) {
        Activation x = input;
        if (biasGradient != null) {
            double sum = 0;
            for (int i = 0; i < x.n(); i++) {
                int plane = dy.offset(i, oc);
                for (int o = 0; o < dy.plane(); o++) sum += dy.data()[plane + o];
            }
            biasGradient[oc] += sum;
        }
        if (weightGradient == null) return;
        int firstIn = oc / outPerGroup() * inPerGroup();
        for (int g = 0; g < inPerGroup(); g++) {
            for (int t = 0; t < taps.length; t++) {
                int[] tap = taps[t];
                double sum = 0;
                for (int i = 0; i < x.n(); i++) {
                    int in = x.offset(i, firstIn + g);
                    int out = dy.offset(i, oc);
                    for (int o = 0; o < tap.length; o++) {
                        if (tap[o] >= 0) sum += (double) dy.data()[out + o] * x.data()[in + tap[o]];
                    }
                }
                weightGradient[weightAt(oc, g) + t] += sum;
            }
        }
    }

    private Activation inputGradient(Activation dy) {
        Activation x = input;
        float[] weight = parameters.weight();
        int channels = x.channels();
        Activation dx = x.zerosLike();
        parallel.forEach(x.n() * channels, job -> {
            int i = job / channels;
            int ic = job % channels;
            int g = ic % inPerGroup();
            int firstOut = ic / inPerGroup() * outPerGroup();
            double[] sum = new double[x.plane()];
            for (int oc = firstOut; oc < firstOut + outPerGroup(); oc++) {
                int out = dy.offset(i, oc);
                for (int t = 0; t < taps.length; t++) {
                    double w = weight[weightAt(oc, g) + t];
                    int[] tap = taps[t];
                    for (int o = 0; o < tap.length; o++) {
                        if (tap[o] >= 0) sum[tap[o]] += w * dy.data()[out + o];
                    }
                }
            }
            store(sum, dx.data(), dx.offset(i, ic));
        });
        return dx;
    }

    /** Rounds the double sums of one plane into {@code target} from {@code offset}. */
    static void store(double[] sums, float[] target, int offset) {
        for (int j = 0; j < sums.length; j++) target[offset + j] = (float) sums[j];
    }
}
