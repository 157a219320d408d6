package io.ferbench.api.backend;

import io.ferbench.api.tensor.NamedTensors;
import java.util.Collection;

/**
 * A model compiled by a backend. Everything around it (data, batch order, epochs, early stopping,
 * metrics, timing) lives in the harness core so that it is identical for every backend.
 */
public interface TrainableModel extends AutoCloseable {

    /** One optimizer step in training mode on {@code batch}; returns the mean (weighted) loss before the step. */
    float trainStep(Batch batch);

    /** Evaluation-mode loss on a batch, without updating anything. */
    float evaluateLoss(Batch batch);

    /** Evaluation-mode forward pass; features only when {@code withFeatures}. */
    Prediction predict(Batch batch, boolean withFeatures);

    /**
     * Freezes the named nodes: their parameters get no updates and their batch-norm statistics
     * stay fixed. Freezing replaces the previous frozen set.
     */
    void freeze(Collection<String> nodeNames);

    /** Changes the learning rate of the optimizer, keeping its state. */
    void setLearningRate(double learningRate);

    /** All parameters and buffers keyed by IR name, copied out of the engine. */
    NamedTensors exportWeights();

    /**
     * Loads weights by IR name. With {@code strict}, every model parameter must be present with the
     * same shape; otherwise absent keys keep their values. A present key with another shape is always
     * an error naming the key and both shapes.
     */
    void importWeights(NamedTensors weights, boolean strict);

    @Override void close();
}
