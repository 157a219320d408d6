package io.ferbench.api.backend;

/**
 * Outputs of an evaluation-mode forward pass.
 *
 * @param logits    {@code [size][classes]}
 * @param features  {@code [size][featureDim]} penultimate features, or null when not requested
 */
public record Prediction(float[][] logits, float[][] features) {}
