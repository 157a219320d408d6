package io.ferbench.backend.dl4j;

import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Node;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.Parameters;
import io.ferbench.backend.dl4j.nn.ChannelShuffle;
import io.ferbench.backend.dl4j.nn.ChannelSubset;
import io.ferbench.backend.dl4j.nn.InferenceBatchNorm;
import io.ferbench.backend.dl4j.nn.TorchCrossEntropy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.FrozenVertex;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.graph.ScaleVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Compiles an IR graph to a DL4J {@link ComputationGraphConfiguration} whose vertices carry the IR node
 * names, plus the {@link ParameterBinding}s from IR parameter keys to DL4J parameters.
 *
 * <p>Semantics pinned to the IR (= PyTorch): NCHW; explicit symmetric padding with floor rounding
 * ({@link ConvolutionMode#Truncate}, never {@code Same}); every layer's activation IDENTITY unless it is
 * an activation node (DL4J's default is SIGMOID); batch norm with {@code decay = 1 − momentum}, the
 * running variance stored as a variance ({@code useLogStd = false}). The logits node feeds a
 * {@link LossLayer} named {@value #LOSS_VERTEX} with {@link TorchCrossEntropy}; the network's output is
 * therefore the logits themselves.
 *
 * <p>Freezing: a node with no trainable parameters in or upstream of it needs no backward pass and is
 * wrapped in DL4J's {@link FrozenLayer} / {@link FrozenVertex}, which also runs a frozen batch norm in
 * inference mode (Keras semantics: it uses and keeps its running statistics). A frozen node that does
 * need a backward pass keeps its layer, and the optimizer skips its parameters; a frozen batch norm
 * there becomes an {@link InferenceBatchNorm} (DL4J's {@code FrozenLayerWithBackprop} would
 * backpropagate through it with the batch-statistics formula).
 */
final class GraphCompiler {
    /** The loss layer added after the logits node; not an IR node. */
    static final String LOSS_VERTEX = "ferbench:loss";
    static final String WEIGHT = "W";
    static final String BIAS = "b";

    private final ModelGraph graph;
    private final Map<String, long[]> shapes;
    private final Map<String, ParameterDef> definitions = new HashMap<>();

    GraphCompiler(ModelGraph graph, Map<String, long[]> shapes) {
        if (graph.hasNode(LOSS_VERTEX)) {
            throw new IllegalArgumentException("node name '" + LOSS_VERTEX + "' is reserved by the dl4j backend");
        }
        this.graph = graph;
        this.shapes = shapes;
        for (ParameterDef def : Parameters.of(graph, shapes)) definitions.put(def.key(), def);
    }

    /** A compiled configuration and where each IR parameter lives in it. */
    record Compiled(ComputationGraphConfiguration configuration, List<ParameterBinding> bindings) {}

    Compiled compile(Set<String> frozen, TorchCrossEntropy loss, OptimizerSpec optimizer, long seed) {
        Set<String> noBackprop = nodesWithoutBackprop(frozen);
        Op.Input in = graph.inputOp();
        ComputationGraphConfiguration.GraphBuilder builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .activation(Activation.IDENTITY)
                // every parameter is overwritten with the IR's initial weights right after init()
                .weightInit(WeightInit.ZERO)
                .convolutionMode(ConvolutionMode.Truncate)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .cacheMode(CacheMode.NONE)
                // recorded in saved models for anyone who calls DL4J's own fit(); ferbench's steps use TorchAdam
                .updater(new Adam(optimizer.learningRate(), optimizer.beta1(), optimizer.beta2(), optimizer.epsilon()))
                .graphBuilder()
                .addInputs(graph.input().name())
                .setInputTypes(InputType.convolutional(in.height(), in.width(), in.channels()));
        List<ParameterBinding> bindings = new ArrayList<>();
        for (Node node : graph.nodes()) {
            if (node.op() instanceof Op.Input) continue;
            String[] inputs = node.inputs().toArray(String[]::new);
            boolean wrap = noBackprop.contains(node.name()) && !isActiveDropout(node.op());
            boolean frozenWithBackprop = !wrap && frozen.contains(node.name());
            Object compiled = frozenWithBackprop && node.op() instanceof Op.BatchNorm bn
                    ? inferenceBatchNorm(node, bn, bindings)
                    : compileNode(node, bindings);
            if (compiled instanceof Layer layer) {
                builder.addLayer(node.name(), wrap ? new FrozenLayer(layer) : layer, inputs);
            } else {
                GraphVertex vertex = (GraphVertex) compiled;
                builder.addVertex(node.name(), wrap ? new FrozenVertex(vertex) : vertex, inputs);
            }
        }
        builder.addLayer(LOSS_VERTEX, new LossLayer.Builder(loss).activation(Activation.IDENTITY).build(),
                graph.output());
        builder.setOutputs(LOSS_VERTEX);
        return new Compiled(builder.build(), List.copyOf(bindings));
    }

    /**
     * Nodes that need no backward pass: neither they nor any node upstream of them has a trainable
     * (non-frozen) parameter.
     */
    private Set<String> nodesWithoutBackprop(Set<String> frozen) {
        Set<String> needsBackprop = new HashSet<>();
        Set<String> none = new HashSet<>();
        Set<String> parameterised = new HashSet<>();
        for (ParameterDef def : definitions.values()) {
            if (def.trainable()) parameterised.add(def.node());
        }
        for (Node node : graph.nodes()) {
            boolean trainableHere = parameterised.contains(node.name()) && !frozen.contains(node.name());
            boolean trainableUpstream = node.inputs().stream().anyMatch(needsBackprop::contains);
            if (trainableHere || trainableUpstream) needsBackprop.add(node.name());
            else if (!(node.op() instanceof Op.Input)) none.add(node.name());
        }
        return none;
    }

    private GraphVertex inferenceBatchNorm(Node node, Op.BatchNorm bn, List<ParameterBinding> bindings) {
        bind(bindings, node, ParameterDef.WEIGHT, "gamma", ParameterLayout.RESHAPED);
        bind(bindings, node, ParameterDef.BIAS, "beta", ParameterLayout.RESHAPED);
        bind(bindings, node, ParameterDef.RUNNING_MEAN, "mean", ParameterLayout.RESHAPED);
        bind(bindings, node, ParameterDef.RUNNING_VAR, "var", ParameterLayout.RESHAPED);
        return new InferenceBatchNorm(bn.eps(), inputShape(node)[0]);
    }

    /** Dropout behaves differently in training, and a frozen wrapper would always run it in inference mode. */
    private static boolean isActiveDropout(Op op) {
        return op instanceof Op.Dropout d && d.p() > 0;
    }

    private long[] inputShape(Node node) {
        return shapes.get(node.inputs().get(0));
    }

    /** A DL4J layer or vertex for one IR node; adds the bindings of its parameters. */
    private Object compileNode(Node node, List<ParameterBinding> bindings) {
        Op op = node.op();
        if (op instanceof Op.Conv2d conv) return convolution(node, conv, bindings);
        if (op instanceof Op.BatchNorm bn) {
            bind(bindings, node, ParameterDef.WEIGHT, "gamma", ParameterLayout.RESHAPED);
            bind(bindings, node, ParameterDef.BIAS, "beta", ParameterLayout.RESHAPED);
            bind(bindings, node, ParameterDef.RUNNING_MEAN, "mean", ParameterLayout.RESHAPED);
            bind(bindings, node, ParameterDef.RUNNING_VAR, "var", ParameterLayout.RESHAPED);
            return new BatchNormalization.Builder()
                    .eps(bn.eps())
                    .decay(1 - bn.momentum())
                    .useLogStd(false)
                    .lockGammaBeta(false)
                    .build();
        }
        if (op instanceof Op.Relu) return new ActivationLayer.Builder().activation(Activation.RELU).build();
        if (op instanceof Op.Relu6) return new ActivationLayer.Builder().activation(Activation.RELU6).build();
        if (op instanceof Op.Add) return new ElementWiseVertex(ElementWiseVertex.Op.Add);
        if (op instanceof Op.Concat) return new MergeVertex();
        if (op instanceof Op.ChannelSplit split) {
            int width = Math.toIntExact(inputShape(node)[0] / split.parts());
            return new ChannelSubset(split.index() * width, (split.index() + 1) * width - 1);
        }
        if (op instanceof Op.ChannelShuffle shuffle) return new ChannelShuffle(shuffle.groups());
        if (op instanceof Op.MaxPool pool) {
            return new SubsamplingLayer.Builder(PoolingType.MAX)
                    .kernelSize(pool.kernel(), pool.kernel())
                    .stride(pool.stride(), pool.stride())
                    .padding(pool.padding(), pool.padding())
                    .convolutionMode(ConvolutionMode.Truncate)
                    .build();
        }
        if (op instanceof Op.GlobalAvgPool) {
            return new GlobalPoolingLayer.Builder(PoolingType.AVG).collapseDimensions(false).build();
        }
        if (op instanceof Op.Flatten) {
            long[] in = inputShape(node);
            if (in.length == 1) return new ScaleVertex(1.0);  // already flat
            return new PreprocessorVertex(new CnnToFeedForwardPreProcessor(in[1], in[2], in[0]));
        }
        if (op instanceof Op.Dropout d) {
            if (d.p() == 0) return new ScaleVertex(1.0);
            // DL4J's Dropout takes the probability of *keeping* an activation (inverted dropout, like PyTorch)
            return new DropoutLayer.Builder().dropOut(new Dropout(1 - d.p())).build();
        }
        if (op instanceof Op.Dense dense) {
            bind(bindings, node, ParameterDef.WEIGHT, WEIGHT, ParameterLayout.TRANSPOSED);
            if (dense.bias()) bind(bindings, node, ParameterDef.BIAS, BIAS, ParameterLayout.RESHAPED);
            return new DenseLayer.Builder().nOut(dense.outFeatures()).hasBias(dense.bias()).build();
        }
        throw new IllegalArgumentException("node '" + node.name() + "': the dl4j backend cannot compile op " + op);
    }

    private Layer convolution(Node node, Op.Conv2d conv, List<ParameterBinding> bindings) {
        long inChannels = inputShape(node)[0];
        int k = conv.kernel();
        int s = conv.stride();
        int p = conv.padding();
        if (conv.groups() == 1) {
            bind(bindings, node, ParameterDef.WEIGHT, WEIGHT, ParameterLayout.RESHAPED);
            if (conv.bias()) bind(bindings, node, ParameterDef.BIAS, BIAS, ParameterLayout.RESHAPED);
            return new ConvolutionLayer.Builder(k, k).stride(s, s).padding(p, p)
                    .nOut(conv.outChannels()).hasBias(conv.bias())
                    .convolutionMode(ConvolutionMode.Truncate)
                    .build();
        }
        if (conv.groups() == inChannels) {
            bind(bindings, node, ParameterDef.WEIGHT, WEIGHT, ParameterLayout.DEPTHWISE);
            if (conv.bias()) bind(bindings, node, ParameterDef.BIAS, BIAS, ParameterLayout.RESHAPED);
            return new DepthwiseConvolution2D.Builder(k, k).stride(s, s).padding(p, p)
                    .depthMultiplier(Math.toIntExact(conv.outChannels() / inChannels))
                    .nOut(conv.outChannels()).hasBias(conv.bias())
                    .convolutionMode(ConvolutionMode.Truncate)
                    .build();
        }
        throw new IllegalArgumentException("node '" + node.name() + "': the dl4j backend compiles convolutions with "
                + "groups = 1 or groups = input channels (depthwise, here " + inChannels + "), got groups = "
                + conv.groups());
    }

    private void bind(List<ParameterBinding> bindings, Node node, String kind, String dl4jKey, ParameterLayout layout) {
        ParameterDef def = definitions.get(node.name() + "." + kind);
        if (def == null) throw new IllegalStateException("IR has no parameter " + node.name() + "." + kind);
        bindings.add(new ParameterBinding(def, node.name(), dl4jKey, layout));
    }
}
