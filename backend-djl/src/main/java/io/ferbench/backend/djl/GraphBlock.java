package io.ferbench.backend.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Node;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.Parameters;
import io.ferbench.api.ir.Shapes;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An IR graph as one DJL block. Every IR parameter is a DJL {@link Parameter} of this block named by
 * its IR key ({@code layer1.0.conv1.weight}), with the IR's PyTorch shape, so import, export and DJL's
 * own parameter file all use the same names. The forward pass evaluates the nodes in the graph's
 * (topological) order, which handles residual adds, concatenations and channel splits directly.
 *
 * <p>The forward returns two arrays: the logits ({@code graph.output()}) and the penultimate
 * features ({@code graph.features()}).
 */
final class GraphBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final ModelGraph graph;
    /** On the CPU, the output of this node (the stem convolution) is made channels-last; null: never. */
    private final String channelsLastFrom;
    private final Map<String, long[]> shapes;
    private final List<ParameterDef> definitions;
    private final Map<String, Parameter> byKey = new LinkedHashMap<>();
    private Set<String> batchNormInInferenceMode = Set.of();
    private NamedTensors pendingInitialValues;

    /** On the CPU, channels-last where it measured faster: {@link #channelsLastHelps}. */
    GraphBlock(ModelGraph graph) {
        this(graph, channelsLastHelps(graph));
    }

    /**
     * With {@code channelsLast}, a CPU forward turns the first convolution's output channels-last and
     * computes the pointwise convolutions after it as matrix products ({@link LayerOps#pointwiseConv2d}).
     */
    GraphBlock(ModelGraph graph, boolean channelsLast) {
        super(VERSION);
        this.graph = graph;
        this.channelsLastFrom = channelsLast ? firstConvolution(graph) : null;
        this.shapes = Shapes.infer(graph);
        this.definitions = Parameters.of(graph, shapes);
        for (ParameterDef def : definitions) {
            Parameter parameter = Parameter.builder()
                    .setName(def.key())
                    .setType(typeOf(def))
                    .optShape(new Shape(def.shape()))
                    .optRequiresGrad(def.trainable())
                    .optInitializer((manager, shape, dataType) -> initialValue(manager, def.key(), shape))
                    .build();
            byKey.put(def.key(), addParameter(parameter));
        }
    }

    /**
     * Graphs with grouped (depthwise) convolutions. Measured on 2 CPU cores, batch 32, 48×48
     * (docs/backends/djl.md): in channels-first layout PyTorch's oneDNN convolutions spend more time
     * reordering every activation to oneDNN's blocked layout and back than computing, and MobileNetV2's many
     * thin layers made that 58 % of oneDNN's time; channels-last made its step faster, but ResNet-18 (dense
     * 3×3 convolutions, no depthwise) slower, hence the rule.
     */
    static boolean channelsLastHelps(ModelGraph graph) {
        return graph.nodes().stream().anyMatch(n -> n.op() instanceof Op.Conv2d c && c.groups() > 1);
    }

    /** Whether a CPU forward switches to channels-last after the stem convolution. */
    boolean channelsLast() { return channelsLastFrom != null; }

    private static String firstConvolution(ModelGraph graph) {
        return graph.nodes().stream().filter(n -> n.op() instanceof Op.Conv2d).map(Node::name).findFirst()
                .orElse(null);
    }

    /**
     * The same values in PyTorch's channels-last memory format (logical NCHW, strides of NHWC), which
     * PyTorch's convolutions, batch norm and element-wise ops then keep: permute to NHWC, copy
     * contiguously (flatten cannot be a view of the permuted array) and permute back as a view. DJL has
     * no {@code contiguous(memory_format)}.
     */
    static NDArray channelsLast(NDArray x) {
        Shape s = x.getShape();
        return x.transpose(0, 2, 3, 1).flatten().reshape(s.get(0), s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
    }

    /** Allocates every parameter on {@code manager}'s device with the values in {@code weights}. */
    void initialize(NDManager manager, NamedTensors weights) {
        pendingInitialValues = weights;
        try {
            Op.Input in = graph.inputOp();
            initialize(manager, DataType.FLOAT32, new Shape(1, in.channels(), in.height(), in.width()));
        } finally {
            pendingInitialValues = null;
        }
    }

    private NDArray initialValue(NDManager manager, String key, Shape shape) {
        FloatTensor tensor = pendingInitialValues == null ? null : pendingInitialValues.get(key);
        if (tensor == null) {
            throw new IllegalStateException("no initial value for parameter '" + key + "'");
        }
        return manager.create(tensor.data(), shape);
    }

    private Parameter.Type typeOf(ParameterDef def) {
        boolean batchNorm = graph.node(def.node()).op() instanceof Op.BatchNorm;
        return switch (def.kind()) {
            case ParameterDef.WEIGHT -> batchNorm ? Parameter.Type.GAMMA : Parameter.Type.WEIGHT;
            case ParameterDef.BIAS -> batchNorm ? Parameter.Type.BETA : Parameter.Type.BIAS;
            case ParameterDef.RUNNING_MEAN -> Parameter.Type.RUNNING_MEAN;
            case ParameterDef.RUNNING_VAR -> Parameter.Type.RUNNING_VAR;
            default -> throw new IllegalArgumentException("unknown parameter kind '" + def.kind() + "' of "
                    + def.key());
        };
    }

    /** The IR's parameters and buffers in IR order. */
    List<ParameterDef> definitions() { return definitions; }

    /** The DJL parameter holding the IR key. */
    Parameter parameter(String key) {
        Parameter p = byKey.get(key);
        if (p == null) throw new IllegalArgumentException("no parameter '" + key + "' in " + graph.architecture());
        return p;
    }

    /**
     * Batch-norm nodes that use (and leave unchanged) their running statistics even in a training
     * forward pass: the frozen ones, as Keras treats a non-trainable BatchNormalization layer.
     */
    void setBatchNormInInferenceMode(Set<String> nodes) {
        batchNormInInferenceMode = Set.copyOf(nodes);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        Map<String, NDArray> values = evaluateNodes(store, inputs.singletonOrThrow(), training);
        return new NDList(values.get(graph.output()), values.get(graph.features()));
    }

    /** Every node's output for the input {@code x}, by node name, in the graph's order. */
    Map<String, NDArray> evaluateNodes(ParameterStore store, NDArray x, boolean training) {
        Device device = x.getDevice();
        Map<String, NDArray> values = new LinkedHashMap<>();
        values.put(graph.input().name(), x);
        boolean cpu = Device.Type.CPU.equals(device.getDeviceType());
        boolean channelsLastActive = false;
        for (Node node : graph.nodes()) {
            if (node.op() instanceof Op.Input) continue;
            List<NDArray> args = new ArrayList<>(node.inputs().size());
            for (String in : node.inputs()) args.add(values.get(in));
            NDArray y = evaluate(node, args, store, device, training, channelsLastActive);
            if (cpu && node.name().equals(channelsLastFrom)) {
                y = channelsLast(y);
                channelsLastActive = true;
            }
            values.put(node.name(), y);
        }
        return values;
    }

    /** {@code channelsLastActive}: the inputs are channels-last (the stem has been converted). */
    private NDArray evaluate(Node node, List<NDArray> args, ParameterStore store, Device device, boolean training,
                             boolean channelsLastActive) {
        Op op = node.op();
        NDArray x = args.get(0);
        // libtorch's oneDNN 1×1 convolution is wrong on channels-last input for some widths (LayerOps.pointwiseConv2d)
        if (op instanceof Op.Conv2d conv && channelsLastActive && LayerOps.isPointwise(conv)) {
            return LayerOps.pointwiseConv2d(x, value(store, node, ParameterDef.WEIGHT, device, training),
                    conv.bias() ? value(store, node, ParameterDef.BIAS, device, training) : null);
        }
        if (op instanceof Op.Conv2d conv) {
            return LayerOps.conv2d(x, conv, value(store, node, ParameterDef.WEIGHT, device, training),
                    conv.bias() ? value(store, node, ParameterDef.BIAS, device, training) : null);
        }
        if (op instanceof Op.Dense dense) {
            return LayerOps.dense(x, value(store, node, ParameterDef.WEIGHT, device, training),
                    dense.bias() ? value(store, node, ParameterDef.BIAS, device, training) : null);
        }
        if (op instanceof Op.BatchNorm bn) {
            return LayerOps.batchNorm(x, bn,
                    value(store, node, ParameterDef.WEIGHT, device, training),
                    value(store, node, ParameterDef.BIAS, device, training),
                    value(store, node, ParameterDef.RUNNING_MEAN, device, training),
                    value(store, node, ParameterDef.RUNNING_VAR, device, training),
                    training && !batchNormInInferenceMode.contains(node.name()));
        }
        if (op instanceof Op.Relu) return StatelessOps.relu(x);
        if (op instanceof Op.Relu6) return StatelessOps.relu6(x);
        if (op instanceof Op.Add) return StatelessOps.add(args);
        if (op instanceof Op.Concat) return StatelessOps.concat(args);
        if (op instanceof Op.ChannelSplit split) return StatelessOps.channelSplit(x, split.parts(), split.index());
        if (op instanceof Op.ChannelShuffle shuffle) return StatelessOps.channelShuffle(x, shuffle.groups());
        if (op instanceof Op.MaxPool pool) {
            return StatelessOps.maxPool(x, pool.kernel(), pool.stride(), pool.padding());
        }
        if (op instanceof Op.GlobalAvgPool) return StatelessOps.globalAvgPool(x);
        if (op instanceof Op.Flatten) return StatelessOps.flatten(x);
        if (op instanceof Op.Dropout dropout) return StatelessOps.dropout(x, dropout.p(), training);
        throw new IllegalArgumentException("node '" + node.name() + "': the djl backend cannot compile op " + op);
    }

    private NDArray value(ParameterStore store, Node node, String kind, Device device, boolean training) {
        return store.getValue(byKey.get(node.name() + "." + kind), device, training);
    }

    /** [N, classes] and [N, features] for an input of [N, C, H, W]. */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        return new Shape[] {
            new Shape(batch, shapes.get(graph.output())[0]),
            new Shape(batch, shapes.get(graph.features())[0])
        };
    }

    /** Number of logits: the width of the output node. */
    long outputWidth() { return shapes.get(graph.output())[0]; }
}
