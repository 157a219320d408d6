package io.ferbench.api.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every parameter and buffer of a graph, in node order and, within a node, in torchvision's order
 * (weight, bias, running_mean, running_var). Keys equal torchvision's state_dict keys for the
 * standard architectures, except that {@code num_batches_tracked} is not kept: it only matters for
 * a batch-norm momentum of {@code None}, which the IR does not have.
 */
public final class Parameters {
    private Parameters() {}

    public static List<ParameterDef> of(ModelGraph graph) {
        return of(graph, Shapes.infer(graph));
    }

    /** As {@link #of(ModelGraph)}, reusing shapes already inferred for {@code graph}. */
    public static List<ParameterDef> of(ModelGraph graph, Map<String, long[]> shapes) {
        List<ParameterDef> defs = new ArrayList<>();
        for (Node node : graph.nodes()) defs.addAll(of(node, shapes));
        return List.copyOf(defs);
    }

    /** The parameters of one node; empty for ops without any. */
    static List<ParameterDef> of(Node node, Map<String, long[]> shapes) {
        String name = node.name();
        Op op = node.op();
        if (op instanceof Op.Conv2d c) {
            long in = shapes.get(node.inputs().get(0))[0];
            long[] weight = {c.outChannels(), in / c.groups(), c.kernel(), c.kernel()};
            return withOptionalBias(name, weight, c.outChannels(), c.bias());
        }
        if (op instanceof Op.Dense d) {
            long in = shapes.get(node.inputs().get(0))[0];
            return withOptionalBias(name, new long[] {d.outFeatures(), in}, d.outFeatures(), d.bias());
        }
        if (op instanceof Op.BatchNorm) {
            long[] channels = {shapes.get(node.inputs().get(0))[0]};
            return List.of(
                    ParameterDef.of(name, ParameterDef.WEIGHT, channels, true),
                    ParameterDef.of(name, ParameterDef.BIAS, channels, true),
                    ParameterDef.of(name, ParameterDef.RUNNING_MEAN, channels, false),
                    ParameterDef.of(name, ParameterDef.RUNNING_VAR, channels, false));
        }
        return List.of();
    }

    private static List<ParameterDef> withOptionalBias(String node, long[] weight, long out, boolean bias) {
        ParameterDef w = ParameterDef.of(node, ParameterDef.WEIGHT, weight, true);
        return bias ? List.of(w, ParameterDef.of(node, ParameterDef.BIAS, new long[] {out}, true)) : List.of(w);
    }
}
