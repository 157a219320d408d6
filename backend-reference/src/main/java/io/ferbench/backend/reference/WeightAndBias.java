package io.ferbench.backend.reference;

import io.ferbench.api.ir.ParameterDef;

/**
 * The parameters of a convolution or dense node: its weight and, when the op has one, its bias ({@code null}
 * otherwise), with their IR keys for the gradients.
 */
record WeightAndBias(String weightKey, float[] weight, String biasKey, float[] bias) {
    static WeightAndBias of(String node, boolean hasBias, Weights weights) {
        String weightKey = Weights.key(node, ParameterDef.WEIGHT);
        String biasKey = hasBias ? Weights.key(node, ParameterDef.BIAS) : null;
        return new WeightAndBias(weightKey, weights.get(weightKey), biasKey, hasBias ? weights.get(biasKey) : null);
    }

    /** The weight's gradient to add to, or null when it does not train this step. */
    double[] weightGradient(Gradients gradients) {
        return gradients.of(weightKey);
    }

    /** The bias's gradient to add to, or null when there is no bias or it does not train this step. */
    double[] biasGradient(Gradients gradients) {
        return biasKey == null ? null : gradients.of(biasKey);
    }
}
