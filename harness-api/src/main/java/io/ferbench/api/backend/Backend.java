package io.ferbench.api.backend;

import io.ferbench.api.ir.ModelGraph;

/** A started engine that compiles IR graphs into trainable models. */
public interface Backend extends AutoCloseable {
    BackendInfo info();

    /** Compiles {@code graph} into a model on this backend's device. */
    TrainableModel build(ModelGraph graph, ModelSpec spec);

    @Override void close();
}
