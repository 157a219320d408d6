package io.ferbench.backend.reference;

import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.ParameterDef;
import java.util.Arrays;
import java.util.List;

/**
 * {@code torch.nn.functional.conv2d} with groups and an optional bias; weight {@code [out, in/groups, k, k]}. The
 * forward pass and the input gradient are split by output plane, the weight gradient by output channel.
 */
final class ConvKernel implements Kernel {
    private final Op.Conv2d op;
    private final Window window;
    private final String weightKey;
    private final String biasKey;
    private final float[] weight;
    private final float[] bias;
    private final Parallel parallel;
    private Activation input;

    ConvKernel(String node, Op.Conv2d op, Weights weights, Parallel parallel) {
        this.op = op;
        this.window = new Window(op.kernel(), op.stride(), op.padding());
        this.weightKey = Weights.key(node, ParameterDef.WEIGHT);
        this.biasKey = op.bias() ? Weights.key(node, ParameterDef.BIAS) : null;
        this.weight = weights.get(weightKey);
        this.bias = op.bias() ? weights.get(biasKey) : null;
        this.parallel = parallel;
    }

    @Override
    public Activation forward(List<Activation> inputs, boolean training) {
        Activation x = inputs.get(0);
        input = x;
        int out = op.outChannels();
        int k = op.kernel();
        int inPerGroup = x.channels() / op.groups();
        int outPerGroup = out / op.groups();
        Activation y = Activation.zeros(x.n(), out, window.outputSize(x.height()), window.outputSize(x.width()));
        parallel.forEach(x.n() * out, job -> {
            int i = job / out;
            int oc = job % out;
            int firstIn = oc / outPerGroup * inPerGroup;
            double[] sum = new double[y.plane()];
            if (bias != null) Arrays.fill(sum, bias[oc]);
            for (int g = 0; g < inPerGroup; g++) {
                int plane = x.offset(i, firstIn + g);
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        double w = weight[((oc * inPerGroup + g) * k + ky) * k + kx];
                        for (int oy = 0; oy < y.height(); oy++) {
                            int iy = window.input(oy, ky);
                            if (iy < 0 || iy >= x.height()) continue;
                            for (int ox = 0; ox < y.width(); ox++) {
                                int ix = window.input(ox, kx);
                                if (ix >= 0 && ix < x.width()) {
                                    sum[oy * y.width() + ox] += w * x.data()[plane + iy * x.width() + ix];
                                }
                            }
                        }
                    }
                }
            }
            store(sum, y.data(), y.offset(i, oc));
        });
        return y;
    }

    @Override
    public List<Activation> backward(Activation dy, Gradients gradients, boolean inputGradients) {
        Activation x = input;
        double[] weightGradient = gradients.of(weightKey);
        double[] biasGradient = biasKey == null ? null : gradients.of(biasKey);
        if (weightGradient != null || biasGradient != null) {
            parallel.forEach(op.outChannels(), oc -> parameterGradients(x, dy, oc, weightGradient, biasGradient));
        }
        return Arrays.asList(inputGradients ? inputGradient(x, dy) : null);
    }

    private void parameterGradients(Activation x, Activation dy, int oc, double[] weightGradient,
                                    double[] biasGradient) {
        int k = op.kernel();
        int inPerGroup = x.channels() / op.groups();
        int firstIn = oc / (op.outChannels() / op.groups()) * inPerGroup;
        if (biasGradient != null) {
            double sum = 0;
            for (int i = 0; i < x.n(); i++) {
                int plane = dy.offset(i, oc);
                for (int j = 0; j < dy.plane(); j++) sum += dy.data()[plane + j];
            }
            biasGradient[oc] += sum;
        }
        if (weightGradient == null) return;
        for (int g = 0; g < inPerGroup; g++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    double sum = 0;
                    for (int i = 0; i < x.n(); i++) {
                        int in = x.offset(i, firstIn + g);
                        int out = dy.offset(i, oc);
                        for (int oy = 0; oy < dy.height(); oy++) {
                            int iy = window.input(oy, ky);
                            if (iy < 0 || iy >= x.height()) continue;
                            for (int ox = 0; ox < dy.width(); ox++) {
                                int ix = window.input(ox, kx);
                                if (ix >= 0 && ix < x.width()) {
                                    sum += (double) dy.data()[out + oy * dy.width() + ox]
                                            * x.data()[in + iy * x.width() + ix];
                                }
                            }
                        }
                    }
                    weightGradient[((oc * inPerGroup + g) * k + ky) * k + kx] += sum;
                }
            }
        }
    }

    private Activation inputGradient(Activation x, Activation dy) {
        int k = op.kernel();
        int channels = x.channels();
        int inPerGroup = channels / op.groups();
        int outPerGroup = op.outChannels() / op.groups();
        Activation dx = x.zerosLike();
        parallel.forEach(x.n() * channels, job -> {
            int i = job / channels;
            int ic = job % channels;
            int g = ic % inPerGroup;
            int firstOut = ic / inPerGroup * outPerGroup;
            double[] sum = new double[x.plane()];
            for (int oc = firstOut; oc < firstOut + outPerGroup; oc++) {
                int out = dy.offset(i, oc);
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        double w = weight[((oc * inPerGroup + g) * k + ky) * k + kx];
                        for (int oy = 0; oy < dy.height(); oy++) {
                            int iy = window.input(oy, ky);
                            if (iy < 0 || iy >= x.height()) continue;
                            for (int ox = 0; ox < dy.width(); ox++) {
                                int ix = window.input(ox, kx);
                                if (ix >= 0 && ix < x.width()) {
                                    sum[iy * x.width() + ix] += w * dy.data()[out + oy * dy.width() + ox];
                                }
                            }
                        }
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
