package io.ferbench.backend.reference;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameter gradients of one training step, summed in double, for the parameters being trained: a parameter of
 * a frozen node, or a batch-norm buffer, has none, so a kernel asks {@link #of} and skips a {@code null}.
 */
final class Gradients {
    private final Map<String, double[]> byKey = new LinkedHashMap<>();

    Gradients(Map<String, Integer> trainedSizes) {
        trainedSizes.forEach((key, size) -> byKey.put(key, new double[size]));
    }

    /** The gradient of {@code key} to add to, or null when {@code key} is not trained this step. */
    double[] of(String key) {
        return byKey.get(key);
    }

    Map<String, double[]> all() {
        return byKey;
    }
}
