package io.ferbench.backend.dl4j;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How an IR tensor (PyTorch layout) sits in a DL4J parameter array, both ways. Export and import go
 * through here only, so a DL4J model exports exactly the IR layout.
 */
enum ParameterLayout {
    /**
     * Same element order, shapes that differ at most by unit dimensions: convolution weights are
     * {@code [out, in, kH, kW]} in both; DL4J keeps biases and batch-norm vectors as {@code [1, C]}, the
     * IR as {@code [C]}.
     */
    RESHAPED {
        @Override INDArray toIr(INDArray dl4j, long[] irShape) { return dl4j.reshape('c', irShape); }
        @Override INDArray toDl4j(INDArray ir, long[] dl4jShape) { return ir.reshape('c', dl4jShape); }
    },
    /** Dense weights: DL4J {@code [in, out]}, the IR {@code [out, in]}. */
    TRANSPOSED {
        @Override INDArray toIr(INDArray dl4j, long[] irShape) { return dl4j.transpose(); }
        @Override INDArray toDl4j(INDArray ir, long[] dl4jShape) { return ir.transpose(); }
    },
    /**
     * Depthwise convolution: DL4J {@code [kH, kW, C, M]} (TensorFlow's layout, output channel
     * {@code c·M + m}), the IR {@code [C·M, 1, kH, kW]} (PyTorch with {@code groups = C}, output channel
     * {@code c·M + m} too).
     */
    DEPTHWISE {
        @Override INDArray toIr(INDArray dl4j, long[] irShape) {
            long c = dl4j.size(2);
            long m = dl4j.size(3);
            return dl4j.permute(2, 3, 0, 1).dup('c').reshape('c', c * m, 1, dl4j.size(0), dl4j.size(1));
        }
        @Override INDArray toDl4j(INDArray ir, long[] dl4jShape) {
            return ir.reshape('c', dl4jShape[2], dl4jShape[3], dl4jShape[0], dl4jShape[1]).permute(2, 3, 0, 1);
        }
    };

    /** The IR view of a DL4J parameter (may share memory; callers copy). */
    abstract INDArray toIr(INDArray dl4j, long[] irShape);

    /** The DL4J-shaped view of an IR tensor (may share memory; callers assign it). */
    abstract INDArray toDl4j(INDArray ir, long[] dl4jShape);
}
