package io.ferbench.backend.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ferbench.api.backend.GemmKernel;
import io.ferbench.api.backend.Matmul;

/**
 * The peak's product on PyTorch on the backend's device, through {@code torch.matmul} (oneMKL's SGEMM on the CPU) or
 * as a 1×1 convolution (oneDNN on the CPU, the kernels of the training step's convolutions): A as n filters of n
 * channels, B as one n-channel image of 1 × n pixels. PyTorch runs CUDA kernels asynchronously, so a timed run reads
 * one element of the product back, which waits for the kernel to finish.
 */
final class DjlMatmul implements Matmul {
    private static final Shape ONE = new Shape(1, 1);
    private static final Shape NONE = new Shape(0, 0);

    private final int n;
    private final GemmKernel kernel;
    private final NDManager manager;
    private final NDArray a;
    private final NDArray b;
    private NDArray last;

    DjlMatmul(float[] a, float[] b, int n, GemmKernel kernel, Engine engine, Device device) {
        this.n = n;
        this.kernel = kernel;
        this.manager = engine.newBaseManager(device);
        boolean convolution = kernel == GemmKernel.CONVOLUTION_1X1;
        this.a = manager.create(a, convolution ? new Shape(n, n, 1, 1) : new Shape(n, n));
        this.b = manager.create(b, convolution ? new Shape(1, n, 1, n) : new Shape(n, n));
    }

    @Override public int size() { return n; }

    @Override
    public void run() {
        NDArray product = kernel == GemmKernel.CONVOLUTION_1X1
                ? b.getNDArrayInternal().convolution(b, a, null, ONE, NONE, ONE, 1).singletonOrThrow()
                : a.matMul(b);
        if (last != null) last.close();
        last = product;
        try (NDArray corner = product.get(new long[product.getShape().dimension()])) {
            corner.getFloat();
        }
    }

    @Override
    public float[] result() {
        if (last == null) throw new IllegalStateException("run() has not computed a product yet");
        return last.toFloatArray();
    }

    @Override
    public void close() {
        manager.close();
    }
}
