package io.ferbench.backend.tensorflow;

import io.ferbench.api.ir.Op;

/** Which TensorFlow kernel computes an IR convolution, decided by its groups. */
enum ConvolutionKind {
    /** {@code groups == 1}: {@code Conv2D}. */
    STANDARD,
    /** {@code groups == in channels}: {@code DepthwiseConv2dNative} (MobileNetV2, ShuffleNetV2). */
    DEPTHWISE,
    /**
     * Any other group count: one {@code Conv2D} per group on channel slices, concatenated (none of
     * the built-in architectures has one; TensorFlow's CPU {@code Conv2D} does not group itself).
     */
    GROUPED;

    static ConvolutionKind of(Op.Conv2d conv, long inChannels) {
        if (conv.groups() == 1) return STANDARD;
        return conv.groups() == inChannels ? DEPTHWISE : GROUPED;
    }
}
