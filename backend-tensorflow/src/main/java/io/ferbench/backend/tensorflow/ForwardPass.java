package io.ferbench.backend.tensorflow;

import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Node;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.ParameterDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Split;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;

/**
 * Compiles the IR's nodes into TensorFlow ops, once per mode: the evaluation pass, and one training
 * pass per frozen set. All passes read the same variables.
 *
 * <p>Layout: the NCHW input batch is transposed to NHWC once; feature maps stay NHWC (what TF's CPU
 * kernels want) and become {@code [N, F]} vectors at a flatten, which goes back through NCHW order
 * first so the features come out in the IR's (PyTorch's) order. Semantics follow PyTorch:
 * symmetric explicit padding (a {@code Pad} then a VALID window, never TF's asymmetric SAME), max
 * pooling padded with the most negative float, channel ops on the channel axis in torch's order,
 * inverted dropout.
 */
final class ForwardPass {
    private static final int CHANNEL_AXIS = 3;

    /**
     * How batch norm and dropout behave.
     *
     * @param training          dropout active and batch norm on batch statistics
     * @param frozenBatchNorms  batch-norm nodes that use (and keep) their running statistics even when
     *                          training, as a frozen Keras layer does
     * @param seed              op seed of the dropout masks
     */
    record Mode(boolean training, Set<String> frozenBatchNorms, long seed) {
        static Mode evaluation() { return new Mode(false, Set.of(), 0); }

        static Mode training(Set<String> frozenBatchNorms, long seed) {
            return new Mode(true, Set.copyOf(frozenBatchNorms), seed);
        }

        boolean usesBatchStatistics(String batchNorm) {
            return training && !frozenBatchNorms.contains(batchNorm);
        }
    }

    /** The batch statistics a training-mode batch norm computed; {@code variance} is unbiased. */
    record BatchStatistics(String node, Op.BatchNorm op, Operand<TFloat32> mean, Operand<TFloat32> variance) {}

    /** What a pass yields: logits {@code [N, classes]}, features {@code [N, F]}, batch statistics. */
    record Outputs(Operand<TFloat32> logits, Operand<TFloat32> features, List<BatchStatistics> batchStatistics) {}

    private final Ops tf;
    private final ModelGraph graph;
    private final Map<String, long[]> shapes;
    private final ModelVariables variables;
    private final Mode mode;
    private final Map<String, Operand<TFloat32>> values = new HashMap<>();
    private final Map<String, Split<TFloat32>> splits = new HashMap<>();
    private final List<BatchStatistics> batchStatistics = new ArrayList<>();
    private Operand<TFloat32> emptyVector;

    private ForwardPass(Ops tf, ModelGraph graph, Map<String, long[]> shapes, ModelVariables variables, Mode mode) {
        this.tf = tf;
        this.graph = graph;
        this.shapes = shapes;
        this.variables = variables;
        this.mode = mode;
    }

    /** Adds the pass under {@code tf}'s scope, reading {@code imagesNchw} ({@code [N, C, H, W]}). */
    static Outputs build(Ops tf, ModelGraph graph, Map<String, long[]> shapes, ModelVariables variables,
                         Operand<TFloat32> imagesNchw, Mode mode) {
        ForwardPass pass = new ForwardPass(tf, graph, shapes, variables, mode);
        // one scope per pass, not per node: TF Java scans the whole graph for every new sub-scope
        for (Node node : graph.nodes()) pass.values.put(node.name(), pass.compile(tf, node, imagesNchw));
        return new Outputs(pass.values.get(graph.output()), pass.values.get(graph.features()),
                List.copyOf(pass.batchStatistics));
    }

    private Operand<TFloat32> compile(Ops ops, Node node, Operand<TFloat32> imagesNchw) {
        Op op = node.op();
        if (op instanceof Op.Input) return ops.linalg.transpose(imagesNchw, ops.array(0, 2, 3, 1));
        if (op instanceof Op.Conv2d c) return convolution(ops, node, c);
        if (op instanceof Op.BatchNorm bn) return batchNorm(ops, node, bn);
        if (op instanceof Op.Relu) return ops.nn.relu(in(node, 0));
        if (op instanceof Op.Relu6) return ops.nn.relu6(in(node, 0));
        if (op instanceof Op.Add) return add(ops, node);
        if (op instanceof Op.Concat) return ops.concat(inputs(node), ops.constant(CHANNEL_AXIS));
        if (op instanceof Op.ChannelSplit s) return channelSplit(ops, node, s);
        if (op instanceof Op.ChannelShuffle s) return channelShuffle(ops, node, s);
        if (op instanceof Op.MaxPool p) return maxPool(ops, node, p);
        if (op instanceof Op.GlobalAvgPool) return ops.math.mean(in(node, 0), ops.array(1, 2), Mean.keepDims(true));
        if (op instanceof Op.Flatten) return flatten(ops, node);
        if (op instanceof Op.Dropout d) return dropout(ops, node, d);
        if (op instanceof Op.Dense d) return dense(ops, node, d);
        throw new IllegalArgumentException("node '" + node.name() + "': the tensorflow backend has no translation for "
                + op.getClass().getSimpleName());
    }

    private Operand<TFloat32> in(Node node, int index) {
        return values.get(node.inputs().get(index));
    }

    private List<Operand<TFloat32>> inputs(Node node) {
        List<Operand<TFloat32>> list = new ArrayList<>();
        for (String name : node.inputs()) list.add(values.get(name));
        return list;
    }

    /** Per-sample shape {@code [C, H, W]} or {@code [F]} of the node's {@code index}-th input. */
    private long[] inShape(Node node, int index) {
        return shapes.get(node.inputs().get(index));
    }

    private Operand<TFloat32> convolution(Ops ops, Node node, Op.Conv2d c) {
        Operand<TFloat32> x = pad(ops, in(node, 0), c.padding(), 0f);
        Operand<TFloat32> kernel = variables.read(node.name(), ParameterDef.WEIGHT);
        List<Long> strides = List.of(1L, (long) c.stride(), (long) c.stride(), 1L);
        Operand<TFloat32> y = switch (ConvolutionKind.of(c, inShape(node, 0)[0])) {
            case STANDARD -> ops.nn.conv2d(x, kernel, strides, "VALID");
            case DEPTHWISE -> ops.nn.depthwiseConv2dNative(x, kernel, strides, "VALID");
            case GROUPED -> groupedConvolution(ops, x, kernel, strides, c.groups());
        };
        return c.bias() ? ops.nn.biasAdd(y, variables.read(node.name(), ParameterDef.BIAS)) : y;
    }

    /**
     * Group {@code g} reads input channels {@code [g·in/G, (g+1)·in/G)} and yields output channels
     * {@code [g·out/G, (g+1)·out/G)}, as in PyTorch: split input and HWIO kernel along channels.
     */
    private static Operand<TFloat32> groupedConvolution(Ops ops, Operand<TFloat32> x, Operand<TFloat32> kernel,
                                                        List<Long> strides, int groups) {
        List<Operand<TFloat32>> xs = splitChannels(ops, x, groups);
        List<Operand<TFloat32>> ks = splitChannels(ops, kernel, groups);
        List<Operand<TFloat32>> ys = new ArrayList<>();
        for (int g = 0; g < groups; g++) ys.add(ops.nn.conv2d(xs.get(g), ks.get(g), strides, "VALID"));
        return ops.concat(ys, ops.constant(CHANNEL_AXIS));
    }

    private static List<Operand<TFloat32>> splitChannels(Ops ops, Operand<TFloat32> x, int parts) {
        return new ArrayList<>(ops.split(ops.constant(CHANNEL_AXIS), x, (long) parts).output());
    }

    /** Symmetric padding of height and width by {@code p}, like PyTorch's {@code padding=p}. */
    private static Operand<TFloat32> pad(Ops ops, Operand<TFloat32> x, int p, float value) {
        if (p == 0) return x;
        int[][] paddings = {{0, 0}, {p, p}, {p, p}, {0, 0}};
        return ops.pad(x, ops.constant(paddings), ops.constant(value));
    }

    /**
     * FusedBatchNormV3 (V1 has no registered gradient). In training mode it normalises with the
     * biased batch variance and reports the unbiased one, which is what PyTorch folds into
     * running_var; the running-statistics update itself is built by the training path.
     */
    private Operand<TFloat32> batchNorm(Ops ops, Node node, Op.BatchNorm bn) {
        Operand<TFloat32> x = in(node, 0);
        long[] shape = inShape(node, 0);
        boolean vector = shape.length == 1;
        if (vector) x = ops.reshape(x, ops.array(-1, 1, 1, (int) shape[0]));
        String name = node.name();
        Operand<TFloat32> gamma = variables.read(name, ParameterDef.WEIGHT);
        Operand<TFloat32> beta = variables.read(name, ParameterDef.BIAS);
        FusedBatchNorm.Options epsilon = FusedBatchNorm.epsilon((float) bn.eps());
        Operand<TFloat32> y;
        if (mode.usesBatchStatistics(name)) {
            Operand<TFloat32> empty = emptyVector();
            FusedBatchNorm<TFloat32, TFloat32> f = ops.nn.fusedBatchNorm(x, gamma, beta, empty, empty, epsilon,
                    FusedBatchNorm.isTraining(true));
            batchStatistics.add(new BatchStatistics(name, bn, f.batchMean(), f.batchVariance()));
            y = f.y();
        } else {
            y = ops.nn.fusedBatchNorm(x, gamma, beta, variables.read(name, ParameterDef.RUNNING_MEAN),
                    variables.read(name, ParameterDef.RUNNING_VAR), epsilon, FusedBatchNorm.isTraining(false)).y();
        }
        return vector ? ops.reshape(y, ops.array(-1, (int) shape[0])) : y;
    }

    /** The empty mean/variance a training-mode FusedBatchNormV3 requires. */
    private Operand<TFloat32> emptyVector() {
        if (emptyVector == null) emptyVector = tf.withName("empty").array(new float[0]);
        return emptyVector;
    }

    private Operand<TFloat32> add(Ops ops, Node node) {
        List<Operand<TFloat32>> in = inputs(node);
        return in.size() == 2 ? ops.math.add(in.get(0), in.get(1)) : ops.math.addN(in);
    }

    /** torch.chunk on the channel axis: one Split per (input, parts), shared by all its chunks. */
    private Operand<TFloat32> channelSplit(Ops ops, Node node, Op.ChannelSplit s) {
        String key = node.inputs().get(0) + "\u0000" + s.parts();
        Split<TFloat32> split = splits.computeIfAbsent(key,
                k -> ops.split(ops.constant(CHANNEL_AXIS), in(node, 0), (long) s.parts()));
        return split.output().get(s.index());
    }

    /**
     * torch's {@code x.view(N, g, C/g, H, W).transpose(1, 2).reshape(N, C, H, W)} in NHWC: channel
     * {@code i·(C/g) + j} moves to {@code j·g + i}.
     */
    private Operand<TFloat32> channelShuffle(Ops ops, Node node, Op.ChannelShuffle s) {
        long[] shape = inShape(node, 0);
        int c = (int) shape[0], h = (int) shape[1], w = (int) shape[2], g = s.groups();
        Operand<TFloat32> grouped = ops.reshape(in(node, 0), ops.array(-1, h, w, g, c / g));
        Operand<TFloat32> swapped = ops.linalg.transpose(grouped, ops.array(0, 1, 2, 4, 3));
        return ops.reshape(swapped, ops.array(-1, h, w, c));
    }

    /** PyTorch pads max pooling with -inf; the most negative float never wins a window either. */
    private Operand<TFloat32> maxPool(Ops ops, Node node, Op.MaxPool p) {
        Operand<TFloat32> x = pad(ops, in(node, 0), p.padding(), -Float.MAX_VALUE);
        return ops.nn.maxPool(x, ops.array(1, p.kernel(), p.kernel(), 1), ops.array(1, p.stride(), p.stride(), 1),
                "VALID");
    }

    /** {@code [N, C, H, W] -> [N, C·H·W]} in NCHW order, whatever the internal layout. */
    private Operand<TFloat32> flatten(Ops ops, Node node) {
        long[] shape = inShape(node, 0);
        Operand<TFloat32> x = in(node, 0);
        if (shape.length == 1) return x;
        int size = Math.toIntExact(shape[0] * shape[1] * shape[2]);
        if (shape[1] * shape[2] != 1) x = ops.linalg.transpose(x, ops.array(0, 3, 1, 2));
        return ops.reshape(x, ops.array(-1, size));
    }

    /** Inverted dropout ({@code x · mask / (1 - p)}) when training; the identity otherwise. */
    private Operand<TFloat32> dropout(Ops ops, Node node, Op.Dropout d) {
        Operand<TFloat32> x = in(node, 0);
        if (!mode.training() || d.p() == 0) return x;
        // both seeds set: the mask sequence is fixed by the run seed and the node, not by op creation order
        long nodeSeed = node.name().hashCode() & 0x7fffffffL;
        Operand<TFloat32> uniform = ops.random.randomUniform(ops.shape(x), TFloat32.class,
                RandomUniform.seed(mode.seed()), RandomUniform.seed2(nodeSeed + 1));
        Operand<TFloat32> keep = ops.dtypes.cast(ops.math.greaterEqual(uniform, ops.constant((float) d.p())),
                TFloat32.class);
        return ops.math.mul(x, ops.math.mul(keep, ops.constant((float) (1.0 / (1.0 - d.p())))));
    }

    private Operand<TFloat32> dense(Ops ops, Node node, Op.Dense d) {
        Operand<TFloat32> y = ops.linalg.matMul(in(node, 0), variables.read(node.name(), ParameterDef.WEIGHT),
                MatMul.transposeB(true));
        return d.bias() ? ops.nn.biasAdd(y, variables.read(node.name(), ParameterDef.BIAS)) : y;
    }
}
