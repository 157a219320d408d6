package io.ferbench.backend.reference;

import io.ferbench.api.backend.Matmul;

/**
 * The peak's product the way this backend's kernels compute: float32 values, double accumulation, one output row
 * per piece of work on the backend's threads (i-k-j order, so the inner loop runs along rows of {@code b}).
 */
final class ReferenceMatmul implements Matmul {
    private final int n;
    private final float[] a;
    private final float[] b;
    private final float[] product;
    private final Parallel parallel;

    ReferenceMatmul(float[] a, float[] b, int n, Parallel parallel) {
        this.n = n;
        this.a = a.clone();
        this.b = b.clone();
        this.product = new float[n * n];
        this.parallel = parallel;
    }

    @Override public int size() { return n; }

    @Override
    public void run() {
        parallel.forEach(n, i -> {
            double[] row = new double[n];
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                int bRow = k * n;
                for (int j = 0; j < n; j++) row[j] += aik * b[bRow + j];
            }
            for (int j = 0; j < n; j++) product[i * n + j] = (float) row[j];
        });
    }

    @Override public float[] result() { return product.clone(); }

    @Override public void close() {}
}
