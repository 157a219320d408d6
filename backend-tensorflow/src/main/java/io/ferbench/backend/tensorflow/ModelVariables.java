package io.ferbench.backend.tensorflow;

import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.Parameters;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One resource variable per IR parameter and buffer, in {@link Parameters} order, named
 * {@code p.<key>} (sanitised) and checkpointed under the IR key itself.
 */
final class ModelVariables {

    /** An IR parameter, how its variable lays it out, and the variable. */
    record Parameter(ParameterDef def, WeightLayout layout, ResourceVariable variable) {
        Operand<TFloat32> read() { return variable.read(); }
    }

    private final Map<String, Parameter> byKey;

    ModelVariables(Ops tf, ModelGraph graph, Map<String, long[]> shapes, TfNames names) {
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (ParameterDef def : Parameters.of(graph, shapes)) {
            WeightLayout layout = layoutOf(graph, shapes, def);
            ResourceVariable variable = ResourceVariable.create(tf, names.of("p.", def.key()), def.key(), layout.tfShape());
            map.put(def.key(), new Parameter(def, layout, variable));
        }
        this.byKey = Collections.unmodifiableMap(map);
    }

    private static WeightLayout layoutOf(ModelGraph graph, Map<String, long[]> shapes, ParameterDef def) {
        var node = graph.node(def.node());
        if (node.op() instanceof Op.Conv2d conv && def.kind().equals(ParameterDef.WEIGHT)) {
            long in = shapes.get(node.inputs().get(0))[0];
            boolean depthwise = ConvolutionKind.of(conv, in) == ConvolutionKind.DEPTHWISE;
            return WeightLayout.convolutionKernel(def, conv.groups(), depthwise);
        }
        return WeightLayout.same(def);
    }

    Collection<Parameter> all() { return byKey.values(); }

    int count() { return byKey.size(); }

    /** The parameter {@code kind} of {@code node}. */
    Parameter get(String node, String kind) {
        Parameter p = byKey.get(node + "." + kind);
        if (p == null) throw new IllegalStateException("no parameter '" + node + "." + kind + "'");
        return p;
    }

    Operand<TFloat32> read(String node, String kind) {
        return get(node, kind).read();
    }
}
