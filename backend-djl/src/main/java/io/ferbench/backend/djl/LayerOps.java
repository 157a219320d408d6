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

    /** A 1×1 convolution with stride 1, no padding and no groups: a matrix product per pixel. */
    static boolean isPointwise(Op.Conv2d op) {
        return op.kernel() == 1 && op.stride() == 1 && op.padding() == 0 && op.groups() == 1;
    }

    /**
     * The pointwise convolution {@code op} ({@link #isPointwise}) as one matrix product, [N·H·W, C] · weightᵀ,
     * returned as [N, C', H, W] in channels-last memory. For a channels-last {@code x} the reshapes are views, so
     * nothing is copied. Used on channels-last activations instead of {@link #conv2d}: there libtorch 2.7.1's
     * oneDNN kernel ({@code brgconv_1x1}, weights padded to its output-channel block) returned wrong values
     * for the last, partial block of output channels (docs/backends/djl.md, channels-last).
     */
    static NDArray pointwiseConv2d(NDArray x, NDArray weight, NDArray bias) {
        Shape s = x.getShape();
        long n = s.get(0), channels = s.get(1), h = s.get(2), w = s.get(3);
        long out = weight.getShape().get(0);
        NDArray pixels = x.transpose(0, 2, 3, 1).reshape(n * h * w, channels);
        NDArray matrix = weight.reshape(out, channels);
        // a view of the weight would belong to the weight's (the model's) manager and outlive the step
        matrix.attach(x.getManager());
        return dense(pixels, matrix, bias).reshape(n, h, w, out).transpose(0, 3, 1, 2);
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
