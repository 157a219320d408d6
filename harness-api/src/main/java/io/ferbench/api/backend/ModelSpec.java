package io.ferbench.api.backend;

import io.ferbench.api.tensor.NamedTensors;

/**
 * Everything a backend needs to build a trainable model besides the graph.
 *
 * @param seed            seeds the engine (dropout masks and any weights not given)
 * @param initialWeights  weights to start from, keyed by IR parameter names; null lets the backend
 *                        initialise (the harness normally passes the IR's seeded initialisation so
 *                        every backend starts from the same weights)
 * @param optimizer       optimizer and its hyperparameters
 * @param classWeights    per-class loss weights for a weighted cross-entropy, or null for the plain mean
 */
public record ModelSpec(long seed, NamedTensors initialWeights, OptimizerSpec optimizer, float[] classWeights) {}
