package io.ferbench.api.backend;

import io.ferbench.api.ir.ModelGraph;
import java.util.Optional;
import java.util.OptionalLong;

/** A started engine that compiles IR graphs into trainable models. */
public interface Backend extends AutoCloseable {
    BackendInfo info();

    /** Compiles {@code graph} into a model on this backend's device. */
    TrainableModel build(ModelGraph graph, ModelSpec spec);

    /**
     * The matrices {@code a} and {@code b} (row-major, {@code n × n}) placed on this backend's device for timing their
     * product through the engine's own matrix multiply; empty when the backend cannot (the harness then has no
     * measured peak for it and says so). Every bundled backend supports it (the conformance kit checks the product).
     */
    default Optional<Matmul> matmul(float[] a, float[] b, int n) { return Optional.empty(); }

    /**
     * Bytes the engine's native allocator holds now, where the engine exposes such a count (JavaCPP's tracked
     * allocations for ND4J); empty where it does not. Recorded per epoch beside the process's resident memory.
     */
    default OptionalLong nativeBytes() { return OptionalLong.empty(); }

    @Override void close();
}
