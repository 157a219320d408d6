package io.ferbench.api.ir;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parameter and multiply-accumulate (MAC) counts of a graph, in total and per node.
 *
 * <p>Conventions, chosen to match the published figures (torchvision's model table and the
 * MobileNetV2 / ShuffleNetV2 papers: resnet18 1.814 G, mobilenet_v2 0.301 G, shufflenet_v2_x1_0
 * 0.146 G at 224×224):
 * <ul>
 *   <li>parameters are the trainable values only: weights, biases and batch-norm gamma/beta;
 *       batch-norm running statistics are buffers and are not counted (as in
 *       {@code sum(p.numel() for p in model.parameters())});</li>
 *   <li>a convolution costs {@code outH·outW·outC·(inC/groups)·k·k} MACs and a dense layer
 *       {@code in·out}; biases are not counted;</li>
 *   <li>batch norm, activations, pooling, add, concat, split, shuffle, flatten and dropout cost 0:
 *       they are element-wise or data movement (batch norm folds into the preceding convolution at
 *       inference), and the published figures leave them out.</li>
 * </ul>
 */
public final class ModelStats {

    /**
     * One row of the per-node table.
     *
     * @param node         node name
     * @param op           op type, for example {@code Conv2d}
     * @param outputShape  output shape without the batch dimension
     * @param parameters   trainable parameters of this node
     * @param macs         multiply-accumulates of one forward pass of one sample
     */
    public record NodeStats(String node, String op, long[] outputShape, long parameters, long macs) {
        public NodeStats {
            outputShape = outputShape.clone();
        }

        @Override public long[] outputShape() { return outputShape.clone(); }
    }

    private final String architecture;
    private final List<NodeStats> nodes;
    private final long parameters;
    private final long buffers;
    private final long macs;

    private ModelStats(String architecture, List<NodeStats> nodes, long buffers) {
        this.architecture = architecture;
        this.nodes = List.copyOf(nodes);
        this.parameters = this.nodes.stream().mapToLong(NodeStats::parameters).sum();
        this.macs = this.nodes.stream().mapToLong(NodeStats::macs).sum();
        this.buffers = buffers;
    }

    public static ModelStats of(ModelGraph graph) {
        Map<String, long[]> shapes = Shapes.infer(graph);
        List<NodeStats> rows = new ArrayList<>();
        long buffers = 0;
        for (Node node : graph.nodes()) {
            long params = 0;
            for (ParameterDef p : Parameters.of(node, shapes)) {
                if (p.trainable()) params += p.size();
                else buffers += p.size();
            }
            long[] out = shapes.get(node.name());
            rows.add(new NodeStats(node.name(), node.op().getClass().getSimpleName(), out, params,
                    macs(node, out, shapes)));
        }
        return new ModelStats(graph.architecture(), rows, buffers);
    }

    private static long macs(Node node, long[] out, Map<String, long[]> shapes) {
        if (node.op() instanceof Op.Conv2d c) {
            long inChannels = shapes.get(node.inputs().get(0))[0];
            return out[0] * out[1] * out[2] * (inChannels / c.groups()) * c.kernel() * c.kernel();
        }
        if (node.op() instanceof Op.Dense d) {
            return shapes.get(node.inputs().get(0))[0] * d.outFeatures();
        }
        return 0;
    }

    public String architecture() { return architecture; }

    /** Trainable parameters (weights, biases, batch-norm gamma and beta). */
    public long parameters() { return parameters; }

    /** Non-trainable buffer values (batch-norm running mean and variance). */
    public long buffers() { return buffers; }

    /** Multiply-accumulates of one forward pass of one sample. */
    public long macs() { return macs; }

    /** One row per node, in graph order. */
    public List<NodeStats> nodes() { return nodes; }

    /** A fixed-width table of all nodes followed by the totals, for a console summary. */
    public String summary() {
        int nameWidth = Math.max(4, nodes.stream().mapToInt(n -> n.node().length()).max().orElse(0));
        int opWidth = Math.max(2, nodes.stream().mapToInt(n -> n.op().length()).max().orElse(0));
        String row = "%-" + nameWidth + "s  %-" + opWidth + "s  %-16s  %,12d  %,15d%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-" + nameWidth + "s  %-" + opWidth + "s  %-16s  %12s  %15s%n",
                "node", "op", "output", "parameters", "MACs"));
        for (NodeStats n : nodes) {
            sb.append(String.format(Locale.ROOT, row, n.node(), n.op(), Arrays.toString(n.outputShape),
                    n.parameters(), n.macs()));
        }
        sb.append(String.format(Locale.ROOT, "%s: %,d trainable parameters (%,d buffer values), %,d MACs (%.3f G)%n",
                architecture, parameters, buffers, macs, macs / 1e9));
        return sb.toString();
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "%s: %,d parameters, %.3f GMACs", architecture, parameters, macs / 1e9);
    }
}
