package io.ferbench.worker.train;

/**
 * The FLOP convention of ferbench's throughput figures: one forward pass of one image costs
 * {@code 2 × MACs} FLOPs (a multiply and an add per multiply-accumulate); a training step costs
 * about three forward passes (the forward pass, the gradient with respect to the activations and the
 * gradient with respect to the weights), so {@code 6 × MACs} FLOPs per training image. Element-wise
 * work (batch norm, activations, optimizer update) is not counted.
 */
public final class Flops {

    private Flops() {}

    public static double trainingGflops(long macs, double imagesPerSecond) {
        return 6.0 * macs * imagesPerSecond / 1e9;
    }

    public static double inferenceGflops(long macs, double imagesPerSecond) {
        return 2.0 * macs * imagesPerSecond / 1e9;
    }
}
