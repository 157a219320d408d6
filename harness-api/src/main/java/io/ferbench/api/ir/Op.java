package io.ferbench.api.ir;

/**
 * One operation of the model IR. The set is closed: a backend compiles exactly these, and an
 * architecture that needs more adds an op here (and to every backend).
 *
 * <p>All tensors are NCHW in the IR; weight layouts follow PyTorch (conv OIHW, dense [out, in]).
 * Backends that prefer NHWC or HWIO translate at their boundary.
 */
public sealed interface Op {

    /** The graph input: {@code channels × height × width} per sample. */
    record Input(int channels, int height, int width) implements Op {}

    /** 2-D convolution; weight {@code [out, in/groups, k, k]}, optional bias {@code [out]}. */
    record Conv2d(int outChannels, int kernel, int stride, int padding, int groups, boolean bias) implements Op {}

    /**
     * Batch normalisation over channels with PyTorch semantics: {@code running = (1 - momentum) *
     * running + momentum * batch}, so the usual value is 0.1. Parameters weight, bias,
     * running_mean, running_var.
     */
    record BatchNorm(double eps, double momentum) implements Op {}

    record Relu() implements Op {}

    /** min(max(x, 0), 6), MobileNetV2's activation. */
    record Relu6() implements Op {}

    /** Element-wise sum of all inputs (residual connections). */
    record Add() implements Op {}

    /** Concatenation of all inputs along the channel axis. */
    record Concat() implements Op {}

    /** The {@code index}-th of {@code parts} equal chunks along channels (torch.chunk on dim 1). */
    record ChannelSplit(int parts, int index) implements Op {}

    /** ShuffleNet's channel shuffle: reshape to (groups, C/groups), transpose, flatten back. */
    record ChannelShuffle(int groups) implements Op {}

    record MaxPool(int kernel, int stride, int padding) implements Op {}

    /** Mean over height and width, keeping {@code [N, C, 1, 1]}. */
    record GlobalAvgPool() implements Op {}

    /** {@code [N, C, H, W] -> [N, C*H*W]}. */
    record Flatten() implements Op {}

    /** Inverted dropout with drop probability {@code p}; identity at evaluation. */
    record Dropout(double p) implements Op {}

    /** Fully connected layer; weight {@code [out, in]}, optional bias {@code [out]}. */
    record Dense(int outFeatures, boolean bias) implements Op {}
}
