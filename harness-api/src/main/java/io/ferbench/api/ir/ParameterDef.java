package io.ferbench.api.ir;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * One parameter or buffer of a graph.
 *
 * @param key        {@code <node>.<kind>}, equal to the torchvision state_dict key for the standard
 *                   architectures
 * @param node       the node that owns it
 * @param kind       {@value #WEIGHT}, {@value #BIAS}, {@value #RUNNING_MEAN} or {@value #RUNNING_VAR}
 * @param shape      PyTorch layout: conv {@code [out, in/groups, k, k]}, dense {@code [out, in]},
 *                   everything else {@code [C]}
 * @param trainable  false for batch-norm running statistics, which are buffers, not parameters
 */
public record ParameterDef(String key, String node, String kind, long[] shape, boolean trainable) {
    public static final String WEIGHT = "weight";
    public static final String BIAS = "bias";
    public static final String RUNNING_MEAN = "running_mean";
    public static final String RUNNING_VAR = "running_var";
    private static final Set<String> KINDS = Set.of(WEIGHT, BIAS, RUNNING_MEAN, RUNNING_VAR);

    public ParameterDef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(node, "node");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("parameter '" + key + "': kind must be one of " + KINDS + ", got " + kind);
        }
        if (!key.equals(node + "." + kind)) {
            throw new IllegalArgumentException("parameter key '" + key + "' must be '" + node + "." + kind + "'");
        }
        shape = shape.clone();
    }

    /** Defines the parameter {@code kind} of {@code node}, keyed {@code node.kind}. */
    public static ParameterDef of(String node, String kind, long[] shape, boolean trainable) {
        return new ParameterDef(node + "." + kind, node, kind, shape, trainable);
    }

    @Override public long[] shape() { return shape.clone(); }

    /** Number of scalar values. */
    public long size() {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    @Override public boolean equals(Object o) {
        return o instanceof ParameterDef p && key.equals(p.key) && node.equals(p.node) && kind.equals(p.kind)
                && Arrays.equals(shape, p.shape) && trainable == p.trainable;
    }

    @Override public int hashCode() { return Objects.hash(key, Arrays.hashCode(shape), trainable); }

    @Override public String toString() {
        return key + Arrays.toString(shape) + (trainable ? "" : " (buffer)");
    }
}
