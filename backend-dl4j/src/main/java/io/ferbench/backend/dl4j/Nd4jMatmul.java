package io.ferbench.backend.dl4j;

import io.ferbench.api.backend.Matmul;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The peak's product on ND4J (its BLAS GEMM: oneDNN/OpenBLAS on the CPU, cuBLAS on CUDA) into a preallocated
 * result, so a timed run allocates nothing; ND4J's CUDA ops are asynchronous, so a run waits for the executioner.
 */
final class Nd4jMatmul implements Matmul {
    private final int n;
    private final INDArray a;
    private final INDArray b;
    private final INDArray product;

    Nd4jMatmul(float[] a, float[] b, int n) {
        this.n = n;
        this.a = Nd4j.create(a, new long[] {n, n}, 'c');
        this.b = Nd4j.create(b, new long[] {n, n}, 'c');
        this.product = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, new long[] {n, n}, 'c');
    }

    @Override public int size() { return n; }

    @Override
    public void run() {
        a.mmul(b, product);
        Nd4j.getExecutioner().commit();
    }

    @Override
    public float[] result() { return product.dup('c').data().asFloat(); }

    @Override
    public void close() {
        a.close();
        b.close();
        product.close();
    }
}
