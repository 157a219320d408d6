package io.ferbench.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.ferbench.api.ir.Op;

/** The IR's ops with parameters, on PyTorch-layout weights (conv OIHW, dense [out, in]). */
final class LayerOps {
    private LayerOps() {}

    /** {@code torch.nn.functional.conv2d}; {@code bias} may be null. */
    static NDArray conv2d(NDArray x, Op.Conv2d op, NDArray weight, NDArray bias) {
        Shape stride = new Shape(op.stride(), op.stride());
        Shape padding = new Shape(op.padding(), op.padding());
        return x.getNDArrayInternal()
                .convolution(x, weight, bias, stride, padding, new Shape(1, 1), op.groups())
                .singletonOrThrow();
    }

    /** {@code torch.nn.functional.linear}: x · weightᵀ + bias; {@code bias} may be null. */
    static NDArray dense(NDArray x, NDArray weight, NDArray bias) {
        return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
    }

    /**
     * {@code torch.nn.functional.batch_norm} with the IR's PyTorch momentum and epsilon, passed to
     * libtorch unchanged. DJL's own BatchNorm block takes an MXNet-style float momentum and converts it
     * ({@code 1 - m}), which rounds; calling libtorch directly keeps the IR's value exact. In training
     * mode the running statistics are updated in place (unbiased variance, as PyTorch does).
     */
    static NDArray batchNorm(NDArray x, Op.BatchNorm op, NDArray gamma, NDArray beta,
                             NDArray runningMean, NDArray runningVar, boolean training) {
        // JniUtils names these arguments (gamma, beta, mean, var) but passes them positionally to
        // torch's batch_norm(input, running_mean, running_var, weight, bias, ...): order matters, not names.
        return JniUtils.batchNorm((PtNDArray) x, (PtNDArray) runningMean, (PtNDArray) runningVar,
                (PtNDArray) gamma, (PtNDArray) beta, training, op.momentum(), op.eps());
    }
}
