package io.ferbench.api.backend;

import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The check every backend runs before loading weights into a model (initial weights, {@link
 * TrainableModel#importWeights}), so that a failed import changes nothing and reports the same way everywhere.
 */
public final class WeightImport {
    /** Missing keys named in the error before it is cut short with "...". */
    private static final int MISSING_SHOWN = 10;

    private WeightImport() {}

    /**
     * Every key of {@code parameters} present in {@code weights} must have the IR's shape; with {@code strict},
     * every one must be present. Keys the model does not have are ignored.
     *
     * @param what          what the weights are, for the message (e.g. {@code "imported weights"})
     * @param architecture  the model's architecture name, for the message
     * @throws IllegalArgumentException naming the key and both shapes, or the missing keys (the first ten)
     */
    public static void check(NamedTensors weights, Collection<ParameterDef> parameters, boolean strict,
                             String what, String architecture) {
        List<String> missing = new ArrayList<>();
        for (ParameterDef def : parameters) {
            FloatTensor tensor = weights.get(def.key());
            if (tensor == null) {
                missing.add(def.key());
            } else if (!Arrays.equals(tensor.shape(), def.shape())) {
                throw new IllegalArgumentException(what + ": '" + def.key() + "' has shape "
                        + Arrays.toString(tensor.shape()) + " but model '" + architecture + "' expects "
                        + Arrays.toString(def.shape()));
            }
        }
        if (strict && !missing.isEmpty()) {
            throw new IllegalArgumentException(what + " lack " + missing.size() + " of the " + parameters.size()
                    + " parameters of model '" + architecture + "': "
                    + String.join(", ", missing.subList(0, Math.min(MISSING_SHOWN, missing.size())))
                    + (missing.size() > MISSING_SHOWN ? ", ..." : ""));
        }
    }
}
