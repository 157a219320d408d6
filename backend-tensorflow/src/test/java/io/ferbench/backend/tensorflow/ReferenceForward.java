package io.ferbench.backend.tensorflow;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Node;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.Shapes;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluation-mode forward pass of any IR graph written directly from PyTorch's definitions, in
 * NCHW and double precision, with the weights in the IR (PyTorch) layout. Independent of the
 * TensorFlow translation (no NHWC, no kernel layout conversion), so agreement checks the layouts,
 * padding, channel order and flatten order of the translation.
 */
final class ReferenceForward {

    /** A batch of activations: {@code n} samples of per-sample {@code shape}, row-major NCHW. */
    record Activation(int n, long[] shape, double[] data) {
        int sampleSize() { return data.length / n; }

        double at(int sample, int c, int h, int w) {
            return data[((sample * (int) shape[0] + c) * (int) shape[1] + h) * (int) shape[2] + w];
        }

        float[][] rows() {
            int size = sampleSize();
            float[][] rows = new float[n][size];
            for (int i = 0; i < n; i++) for (int j = 0; j < size; j++) rows[i][j] = (float) data[i * size + j];
            return rows;
        }
    }

    private final ModelGraph graph;
    private final NamedTensors weights;
    private final Map<String, long[]> shapes;

    ReferenceForward(ModelGraph graph, NamedTensors weights) {
        this.graph = graph;
        this.weights = weights;
        this.shapes = Shapes.infer(graph);
    }

    /** Every node's output on {@code batch}. */
    Map<String, Activation> run(Batch batch) {
        Map<String, Activation> out = new HashMap<>();
        for (Node node : graph.nodes()) {
            List<Activation> in = node.inputs().stream().map(out::get).toList();
            long[] shape = shapes.get(node.name());
            out.put(node.name(), new Activation(batch.size(), shape, compute(node, in, shape, batch)));
        }
        return out;
    }

    private double[] compute(Node node, List<Activation> in, long[] shape, Batch batch) {
        Op op = node.op();
        if (op instanceof Op.Input) {
            double[] x = new double[batch.images().length];
            for (int i = 0; i < x.length; i++) x[i] = batch.images()[i];
            return x;
        }
        if (op instanceof Op.Conv2d c) return conv(node, c, in.get(0), shape);
        if (op instanceof Op.BatchNorm bn) return batchNorm(node, bn, in.get(0));
        if (op instanceof Op.Relu) return map(in.get(0), v -> Math.max(v, 0));
        if (op instanceof Op.Relu6) return map(in.get(0), v -> Math.min(Math.max(v, 0), 6));
        if (op instanceof Op.Dropout) return in.get(0).data().clone();
        if (op instanceof Op.Flatten) return in.get(0).data().clone(); // NCHW row-major is already flat
        if (op instanceof Op.Add) {
            double[] y = in.get(0).data().clone();
            for (int k = 1; k < in.size(); k++) for (int i = 0; i < y.length; i++) y[i] += in.get(k).data()[i];
            return y;
        }
        if (op instanceof Op.Concat) return concat(in, shape);
        if (op instanceof Op.ChannelSplit s) return split(s, in.get(0), shape);
        if (op instanceof Op.ChannelShuffle s) return shuffle(s, in.get(0));
        if (op instanceof Op.MaxPool p) return maxPool(p, in.get(0), shape);
        if (op instanceof Op.GlobalAvgPool) return globalAveragePool(in.get(0));
        if (op instanceof Op.Dense d) return dense(node, d, in.get(0));
        throw new IllegalArgumentException("no reference for " + op);
    }

    private float[] weight(String node, String kind) {
        FloatTensor t = weights.get(node + "." + kind);
        if (t == null) throw new IllegalArgumentException("no weight " + node + "." + kind);
        return t.data();
    }

    private static double[] map(Activation a, java.util.function.DoubleUnaryOperator f) {
        double[] y = new double[a.data().length];
        for (int i = 0; i < y.length; i++) y[i] = f.applyAsDouble(a.data()[i]);
        return y;
    }

    /** torch.nn.functional.conv2d: weight [out, in/groups, k, k], zero padding on all four sides. */
    private double[] conv(Node node, Op.Conv2d c, Activation x, long[] shape) {
        int inC = (int) x.shape()[0], inH = (int) x.shape()[1], inW = (int) x.shape()[2];
        int outC = (int) shape[0], outH = (int) shape[1], outW = (int) shape[2];
        int k = c.kernel(), groups = c.groups(), inPerGroup = inC / groups, outPerGroup = outC / groups;
        float[] w = weight(node.name(), "weight");
        float[] bias = c.bias() ? weight(node.name(), "bias") : null;
        double[] y = new double[x.n() * outC * outH * outW];
        for (int n = 0; n < x.n(); n++) {
            for (int o = 0; o < outC; o++) {
                int group = o / outPerGroup;
                for (int oh = 0; oh < outH; oh++) {
                    for (int ow = 0; ow < outW; ow++) {
                        double sum = bias == null ? 0 : bias[o];
                        for (int i = 0; i < inPerGroup; i++) {
                            int ic = group * inPerGroup + i;
                            for (int kh = 0; kh < k; kh++) {
                                int ih = oh * c.stride() - c.padding() + kh;
                                if (ih < 0 || ih >= inH) continue;
                                for (int kw = 0; kw < k; kw++) {
                                    int iw = ow * c.stride() - c.padding() + kw;
                                    if (iw < 0 || iw >= inW) continue;
                                    sum += w[((o * inPerGroup + i) * k + kh) * k + kw] * x.at(n, ic, ih, iw);
                                }
                            }
                        }
                        y[((n * outC + o) * outH + oh) * outW + ow] = sum;
                    }
                }
            }
        }
        return y;
    }

    /** Evaluation-mode batch norm: {@code (x - running_mean) / sqrt(running_var + eps) * weight + bias}. */
    private double[] batchNorm(Node node, Op.BatchNorm bn, Activation x) {
        float[] gamma = weight(node.name(), "weight"), beta = weight(node.name(), "bias");
        float[] mean = weight(node.name(), "running_mean"), var = weight(node.name(), "running_var");
        int channels = (int) x.shape()[0];
        int spatial = x.sampleSize() / channels;
        double[] y = new double[x.data().length];
        for (int i = 0; i < y.length; i++) {
            int c = (i / spatial) % channels;
            y[i] = (x.data()[i] - mean[c]) / Math.sqrt(var[c] + bn.eps()) * gamma[c] + beta[c];
        }
        return y;
    }

    private static double[] concat(List<Activation> in, long[] shape) {
        int n = in.get(0).n();
        int outSize = (int) (shape[0] * shape[1] * shape[2]);
        double[] y = new double[n * outSize];
        for (int s = 0; s < n; s++) {
            int offset = s * outSize;
            for (Activation a : in) {
                System.arraycopy(a.data(), s * a.sampleSize(), y, offset, a.sampleSize());
                offset += a.sampleSize();
            }
        }
        return y;
    }

    /** torch.chunk(x, parts, dim=1)[index]. */
    private static double[] split(Op.ChannelSplit s, Activation x, long[] shape) {
        int outSize = (int) (shape[0] * shape[1] * shape[2]);
        double[] y = new double[x.n() * outSize];
        for (int n = 0; n < x.n(); n++) {
            System.arraycopy(x.data(), n * x.sampleSize() + s.index() * outSize, y, n * outSize, outSize);
        }
        return y;
    }

    /** x.view(N, g, C/g, H, W).transpose(1, 2).reshape(N, C, H, W), index by index. */
    private static double[] shuffle(Op.ChannelShuffle s, Activation x) {
        int c = (int) x.shape()[0], hw = (int) (x.shape()[1] * x.shape()[2]), g = s.groups(), perGroup = c / g;
        double[] y = new double[x.data().length];
        for (int n = 0; n < x.n(); n++) {
            for (int gi = 0; gi < g; gi++) {
                for (int j = 0; j < perGroup; j++) {
                    int from = gi * perGroup + j;   // view index (gi, j)
                    int to = j * g + gi;            // after transpose: (j, gi)
                    System.arraycopy(x.data(), (n * c + from) * hw, y, (n * c + to) * hw, hw);
                }
            }
        }
        return y;
    }

    /** torch.nn.functional.max_pool2d: padding counts as -inf. */
    private static double[] maxPool(Op.MaxPool p, Activation x, long[] shape) {
        int c = (int) x.shape()[0], inH = (int) x.shape()[1], inW = (int) x.shape()[2];
        int outH = (int) shape[1], outW = (int) shape[2];
        double[] y = new double[x.n() * c * outH * outW];
        for (int n = 0; n < x.n(); n++) {
            for (int ch = 0; ch < c; ch++) {
                for (int oh = 0; oh < outH; oh++) {
                    for (int ow = 0; ow < outW; ow++) {
                        double max = Double.NEGATIVE_INFINITY;
                        for (int kh = 0; kh < p.kernel(); kh++) {
                            for (int kw = 0; kw < p.kernel(); kw++) {
                                int ih = oh * p.stride() - p.padding() + kh, iw = ow * p.stride() - p.padding() + kw;
                                if (ih >= 0 && ih < inH && iw >= 0 && iw < inW) max = Math.max(max, x.at(n, ch, ih, iw));
                            }
                        }
                        y[((n * c + ch) * outH + oh) * outW + ow] = max;
                    }
                }
            }
        }
        return y;
    }

    private static double[] globalAveragePool(Activation x) {
        int c = (int) x.shape()[0], hw = (int) (x.shape()[1] * x.shape()[2]);
        double[] y = new double[x.n() * c];
        for (int i = 0; i < y.length; i++) {
            double sum = 0;
            for (int j = 0; j < hw; j++) sum += x.data()[i * hw + j];
            y[i] = sum / hw;
        }
        return y;
    }

    /** torch.nn.functional.linear: {@code x · Wᵀ + b} with W {@code [out, in]}. */
    private double[] dense(Node node, Op.Dense d, Activation x) {
        int in = x.sampleSize(), out = d.outFeatures();
        float[] w = weight(node.name(), "weight");
        float[] b = d.bias() ? weight(node.name(), "bias") : null;
        double[] y = new double[x.n() * out];
        for (int n = 0; n < x.n(); n++) {
            for (int o = 0; o < out; o++) {
                double sum = b == null ? 0 : b[o];
                for (int i = 0; i < in; i++) sum += w[o * in + i] * x.data()[n * in + i];
                y[n * out + o] = sum;
            }
        }
        return y;
    }
}
