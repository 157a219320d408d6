package io.ferbench.backend.tensorflow;

import io.ferbench.api.ir.ParameterDef;

/**
 * How an IR parameter (PyTorch layout) is stored in its TensorFlow variable, and the conversion both
 * ways, so that exported weights are exactly the IR's.
 *
 * <ul>
 *   <li>convolution kernels: IR {@code [out, in/groups, k, k]} (OIHW) become HWIO
 *       {@code [k, k, in/groups, out]}, what {@code Conv2D} takes in NHWC; a depthwise kernel
 *       ({@code groups == in}) becomes {@code [k, k, in, out/in]} for {@code DepthwiseConv2dNative},
 *       which holds the same values in the same order as HWIO {@code [k, k, 1, out]};</li>
 *   <li>everything else (dense {@code [out, in]}, biases, batch-norm vectors) is stored as is: the
 *       dense layer multiplies by the transposed weight.</li>
 * </ul>
 */
final class WeightLayout {
    private final long[] irShape;
    private final long[] tfShape;
    private final boolean convolutionKernel;

    private WeightLayout(long[] irShape, long[] tfShape, boolean convolutionKernel) {
        this.irShape = irShape.clone();
        this.tfShape = tfShape.clone();
        this.convolutionKernel = convolutionKernel;
    }

    /** A parameter stored as the IR has it. */
    static WeightLayout same(ParameterDef def) {
        return new WeightLayout(def.shape(), def.shape(), false);
    }

    /**
     * The kernel {@code def} of a convolution with {@code groups} groups; {@code depthwise} when the
     * groups equal the input channels (one input channel per group).
     */
    static WeightLayout convolutionKernel(ParameterDef def, int groups, boolean depthwise) {
        long[] ir = def.shape();
        long out = ir[0];
        long inPerGroup = ir[1];
        long k = ir[2];
        long[] tf = depthwise
                ? new long[] {k, k, groups, out / groups}
                : new long[] {k, k, inPerGroup, out};
        return new WeightLayout(ir, tf, true);
    }

    long[] tfShape() { return tfShape.clone(); }

    /** IR (OIHW) values to the variable's layout. */
    float[] toTensorFlow(float[] ir) {
        if (!convolutionKernel) return ir.clone();
        int out = (int) irShape[0], in = (int) irShape[1], k = (int) irShape[2];
        float[] tf = new float[ir.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int h = 0; h < k; h++) {
                    for (int w = 0; w < k; w++) {
                        tf[((h * k + w) * in + i) * out + o] = ir[((o * in + i) * k + h) * k + w];
                    }
                }
            }
        }
        return tf;
    }

    /** The variable's values back to the IR layout. */
    float[] toIr(float[] tf) {
        if (!convolutionKernel) return tf.clone();
        int out = (int) irShape[0], in = (int) irShape[1], k = (int) irShape[2];
        float[] ir = new float[tf.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int h = 0; h < k; h++) {
                    for (int w = 0; w < k; w++) {
                        ir[((o * in + i) * k + h) * k + w] = tf[((h * k + w) * in + i) * out + o];
                    }
                }
            }
        }
        return ir;
    }
}
