package io.ferbench.backend.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.ferbench.api.backend.Matmul;

/**
 * The peak's product on PyTorch ({@code torch.matmul}) on the backend's device. PyTorch runs CUDA kernels
 * asynchronously, so a timed run reads one element of the product back, which waits for the kernel to finish.
 */
final class DjlMatmul implements Matmul {
    private final int n;
    private final NDManager manager;
    private final NDArray a;
    private final NDArray b;
    private NDArray last;

    DjlMatmul(float[] a, float[] b, int n, Engine engine, Device device) {
        this.n = n;
        this.manager = engine.newBaseManager(device);
        this.a = manager.create(a, new Shape(n, n));
        this.b = manager.create(b, new Shape(n, n));
    }

    @Override public int size() { return n; }

    @Override
    public void run() {
        NDArray product = a.matMul(b);
        if (last != null) last.close();
        last = product;
        try (NDArray corner = product.get(0, 0)) {
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
