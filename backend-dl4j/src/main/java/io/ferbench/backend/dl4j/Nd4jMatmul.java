package io.ferbench.backend.dl4j;

import io.ferbench.api.backend.GemmKernel;
import io.ferbench.api.backend.Matmul;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The peak's product on ND4J into a preallocated result, so a timed run allocates nothing: through its BLAS GEMM
 * ({@code mmul}: OpenBLAS on the CPU, cuBLAS on CUDA) or as libnd4j's {@code conv2d} with a 1×1 kernel (oneDNN on the
 * CPU, as DL4J's convolution layers): A as n filters of n channels, B as one n-channel image of 1 × n pixels. ND4J's
 * CUDA ops are asynchronous, so a run waits for the executioner.
 */
final class Nd4jMatmul implements Matmul {
    /**
     * libnd4j conv2d's integer arguments: 1×1 kernel, stride 1, no padding, dilation 1, VALID, NCHW data, weights
     * [out channels, in channels, kH, kW].
     */
    private static final int[] POINTWISE = {1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1};

    private final int n;
    private final INDArray a;
    private final INDArray b;
    private final INDArray product;
    private final CustomOp convolution;

    Nd4jMatmul(float[] a, float[] b, int n, GemmKernel kernel) {
        this.n = n;
        boolean pointwise = kernel == GemmKernel.CONVOLUTION_1X1;
        this.a = Nd4j.create(a, pointwise ? new long[] {n, n, 1, 1} : new long[] {n, n}, 'c');
        this.b = Nd4j.create(b, pointwise ? new long[] {1, n, 1, n} : new long[] {n, n}, 'c');
        this.product = Nd4j.create(DataType.FLOAT, pointwise ? new long[] {1, n, 1, n} : new long[] {n, n}, 'c');
        this.convolution = pointwise ? DynamicCustomOp.builder("conv2d").addInputs(this.b, this.a)
                .addOutputs(product).addIntegerArguments(POINTWISE).build()
                : null;
    }

    @Override public int size() { return n; }

    @Override
    public void run() {
        if (convolution != null) Nd4j.exec(convolution);
        else a.mmul(b, product);
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
