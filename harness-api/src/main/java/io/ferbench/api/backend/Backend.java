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
     * product through the engine's {@code kernel}; empty when the backend does not offer that kernel (without a
     * {@link GemmKernel#MATRIX_MULTIPLY} the harness has no measured peak for it and says so). Every bundled backend
     * offers the matrix multiply, DJL, TensorFlow and DL4J the 1×1 convolution too (the conformance kit checks each
     * product).
     */
    default Optional<Matmul> matmul(float[] a, float[] b, int n, GemmKernel kernel) { return Optional.empty(); }

    /**
     * Bytes the engine's native allocator holds now, where the engine exposes such a count (a GPU engine's device
     * memory, an allocator's statistics); empty where it does not. Recorded per epoch beside the process's resident
     * memory. None of the bundled CPU backends has a count worth recording: JavaCPP's {@code Pointer.totalBytes()}
     * stayed under 1 MiB in a DL4J worker whose resident memory moved by 50 MiB (libnd4j allocates its buffers
     * itself), and PyTorch and TensorFlow expose no CPU allocator statistics to Java.
     */
    default OptionalLong nativeBytes() { return OptionalLong.empty(); }

    @Override void close();
}
