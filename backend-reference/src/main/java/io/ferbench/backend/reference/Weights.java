package io.ferbench.backend.reference;

import io.ferbench.api.backend.WeightImport;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every parameter and buffer of a model as a float array keyed by IR name. Kernels hold these arrays; imports copy
 * into them, so a kernel never needs to look a value up again.
 */
final class Weights {
    private final List<ParameterDef> definitions;
    private final String architecture;
    private final Map<String, float[]> values = new LinkedHashMap<>();

    Weights(List<ParameterDef> definitions, String architecture) {
        this.definitions = List.copyOf(definitions);
        this.architecture = architecture;
        for (ParameterDef def : definitions) values.put(def.key(), new float[Math.toIntExact(def.size())]);
    }

    /** {@code <node>.<kind>}, the IR key. */
    static String key(String node, String kind) {
        return node + "." + kind;
    }

    List<ParameterDef> definitions() {
        return definitions;
    }

    /** The live values of {@code key}. */
    float[] get(String key) {
        float[] v = values.get(key);
        if (v == null) throw new IllegalArgumentException("no parameter '" + key + "' in " + architecture);
        return v;
    }

    /**
     * Copies {@code weights} in, checked first so that a refused load changes nothing.
     *
     * @param what  what the weights are, for the error message
     */
    void load(NamedTensors weights, boolean strict, String what) {
        WeightImport.check(weights, definitions, strict, what, architecture);
        for (ParameterDef def : definitions) {
            FloatTensor tensor = weights.get(def.key());
            if (tensor != null) System.arraycopy(tensor.data(), 0, values.get(def.key()), 0, tensor.data().length);
        }
    }

    /** A copy of every value, in IR order. */
    NamedTensors export() {
        NamedTensors out = new NamedTensors();
        for (ParameterDef def : definitions) out.put(def.key(), new FloatTensor(def.shape(), values.get(def.key())
                .clone()));
        return out;
    }
}
