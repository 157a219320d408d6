package io.ferbench.api.result;

/**
 * Training speed, measured in the spirit of JMH: the first epoch is warm-up (JIT, native
 * initialisation, allocator growth) and is reported apart; the time per epoch is the median of the
 * epochs after it.
 *
 * <p>FLOP convention: one forward pass of one image costs {@code 2 × MACs} FLOPs; a training step
 * costs three forward passes (forward, gradient with respect to activations, gradient with respect to
 * weights), so {@code 6 × MACs} FLOPs per training image. Achieved GFLOP/s is that times the measured
 * images per second; its share of the peak is relative to the machine's stated fp32 peak.
 *
 * @param firstEpochSeconds    wall time of epoch 1 (warm-up)
 * @param medianEpochSeconds   median wall time of epochs 2..n; epoch 1's time when only one epoch ran
 * @param measuredEpochs       number of epochs behind the median (0 when it falls back to epoch 1)
 * @param trainImagesPerSecond training images per second of training-step time over the measured epochs
 * @param trainGflops          achieved training GFLOP/s ({@code 6 × MACs × images/s / 1e9})
 * @param peakGflops           the machine's fp32 peak the share is relative to
 * @param peakShare            {@code trainGflops / peakGflops}
 * @param inference            inference speed, or null when it was not measured (failed or diverged cell)
 */
public record Timing(double firstEpochSeconds, double medianEpochSeconds, int measuredEpochs,
                     double trainImagesPerSecond, double trainGflops, double peakGflops, double peakShare,
                     InferenceTiming inference) {}
