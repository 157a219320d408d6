package io.ferbench.backend.reference;

import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Node;
import io.ferbench.api.ir.Op;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * An IR graph as one {@link Kernel} per node: the forward pass runs them in the graph's (topological) order, the
 * backward pass in reverse, summing the gradients of a node read by several others (residual adds, channel splits).
 * Only nodes that lead back to a trained parameter are differentiated.
 */
final class GraphProgram {
    private final ModelGraph graph;
    private final Map<String, Kernel> kernels = new LinkedHashMap<>();
    private final List<Node> computed = new ArrayList<>();
    /** Nodes whose output's gradient is needed: they, or a node before them, hold a trained parameter. */
    private Set<String> differentiated = Set.of();

    GraphProgram(ModelGraph graph, Weights weights, long seed, Parallel parallel) {
        this.graph = graph;
        for (Node node : graph.nodes()) {
            if (node.op() instanceof Op.Input) continue;
            kernels.put(node.name(), kernel(node, weights, seed, parallel));
            computed.add(node);
        }
    }

    private static Kernel kernel(Node node, Weights weights, long seed, Parallel parallel) {
        // instanceof chain: pattern matching for switch is not final in Java 17
        Op op = node.op();
        String name = node.name();
        if (op instanceof Op.Conv2d c) return new ConvKernel(name, c, weights, parallel);
        if (op instanceof Op.Dense d) return new DenseKernel(name, d, weights, parallel);
        if (op instanceof Op.BatchNorm b) return new BatchNormKernel(name, b, weights, parallel);
        if (op instanceof Op.Relu) return ClampKernel.relu();
        if (op instanceof Op.Relu6) return ClampKernel.relu6();
        if (op instanceof Op.Add) return new AddKernel();
        if (op instanceof Op.Concat) return new ConcatKernel();
        if (op instanceof Op.ChannelSplit s) return new ChannelSplitKernel(s);
        if (op instanceof Op.ChannelShuffle s) return new ChannelShuffleKernel(s.groups());
        if (op instanceof Op.MaxPool p) return new MaxPoolKernel(p, parallel);
        if (op instanceof Op.GlobalAvgPool) return new GlobalAvgPoolKernel();
        if (op instanceof Op.Flatten) return new FlattenKernel();
        if (op instanceof Op.Dropout d) return new DropoutKernel(d.p(), dropoutRandom(seed, name));
        throw new IllegalArgumentException("node '" + name + "': the reference backend has no kernel for " + op);
    }

    /** A mask generator private to one dropout node, from the model's seed and the node's name. */
    private static SplittableRandom dropoutRandom(long seed, String node) {
        long hash = 0;
        for (byte b : node.getBytes(StandardCharsets.UTF_8)) hash = hash * 31 + b;
        return new SplittableRandom(new SplittableRandom(seed).nextLong() ^ hash);
    }

    /**
     * Sets what trains: batch norms of {@code frozenNodes} switch to inference mode, and the backward pass stops
     * where no node of {@code trainedNodes} (those with a parameter that gets a gradient) lies behind.
     */
    void configure(Set<String> frozenNodes, Set<String> trainedNodes) {
        Set<String> differentiate = new HashSet<>();
        for (Node node : computed) {
            if (kernels.get(node.name()) instanceof BatchNormKernel bn) bn.setFrozen(frozenNodes.contains(node.name()));
            if (trainedNodes.contains(node.name()) || node.inputs().stream().anyMatch(differentiate::contains)) {
                differentiate.add(node.name());
            }
        }
        differentiated = Set.copyOf(differentiate);
    }

    /** Every node's output for {@code input}, keyed by node name. */
    Map<String, Activation> forward(Activation input, boolean training) {
        Map<String, Activation> outputs = new HashMap<>();
        outputs.put(graph.input().name(), input);
        for (Node node : computed) {
            List<Activation> args = new ArrayList<>(node.inputs().size());
            for (String in : node.inputs()) args.add(outputs.get(in));
            outputs.put(node.name(), kernels.get(node.name()).forward(args, training));
        }
        return outputs;
    }

    /** Back from the gradient of the output node, after {@link #forward}; parameter gradients go to {@code sink}. */
    void backward(Activation outputGradient, Gradients sink) {
        Map<String, Activation> gradients = new HashMap<>();
        gradients.put(graph.output(), outputGradient);
        for (int n = computed.size() - 1; n >= 0; n--) {
            Node node = computed.get(n);
            Activation gradient = gradients.remove(node.name());
            if (gradient == null || !differentiated.contains(node.name())) continue;
            boolean inputsNeedIt = node.inputs().stream().anyMatch(differentiated::contains);
            List<Activation> inputGradients = kernels.get(node.name()).backward(gradient, sink, inputsNeedIt);
            for (int i = 0; i < node.inputs().size(); i++) {
                String in = node.inputs().get(i);
                if (differentiated.contains(in)) gradients.merge(in, inputGradients.get(i), GraphProgram::sum);
            }
        }
    }

    private static Activation sum(Activation a, Activation b) {
        Activation s = a.zerosLike();
        for (int j = 0; j < s.data().length; j++) s.data()[j] = a.data()[j] + b.data()[j];
        return s;
    }
}
