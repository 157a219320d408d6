package io.ferbench.api.result;

import io.ferbench.api.backend.GemmKernel;

/**
 * Training speed, measured in the spirit of JMH: the first epoch is warm-up (JIT, native
 * initialisation, allocator growth) and is reported apart; the time per epoch is the median of the
 * epochs after it.
 *
 * <p>FLOP convention: one forward pass of one image costs {@code 2 × MACs} FLOPs; a training step
 * costs three forward passes (forward, gradient with respect to activations, gradient with respect to
 * weights), so {@code 6 × MACs} FLOPs per training image. Achieved GFLOP/s is that times the measured
 * images per second; its share of the peak is relative to {@link Peak}: by default what the backend's own fp32
 * matrix product reaches through the faster of its engine's kernels on the same device and threads.
 *
 * @param firstEpochSeconds    wall time of epoch 1 (warm-up)
 * @param medianEpochSeconds   median wall time of epochs 2..n; epoch 1's time when only one epoch ran
 * @param measuredEpochs       number of epochs behind the median (0 when it falls back to epoch 1)
 * @param trainImagesPerSecond training images per second of training-step time over the measured epochs
 * @param trainGflops          achieved training GFLOP/s ({@code 6 × MACs × images/s / 1e9})
 * @param peak                 the fp32 throughput the share is relative to; null where none is known (a backend that
 *                             cannot measure one, and no {@code --peak-gflops})
 * @param peakShare            {@code trainGflops / peak.gflops}, null without a peak
 * @param harnessOverheadShare of the training time of the measured epochs, the share spent outside the backend's
 *                             step calls (batch assembly, augmentation, the loop's bookkeeping); null where the
 *                             history does not split it
 * @param inference            inference speed, or null when it was not measured (failed or diverged cell)
 */
public record Timing(double firstEpochSeconds, double medianEpochSeconds, int measuredEpochs,
                     double trainImagesPerSecond, double trainGflops, Peak peak, Double peakShare,
                     Double harnessOverheadShare, InferenceTiming inference) {

    /** The peak's GFLOP/s, null without a peak. */
    public Double peakGflops() { return peak == null ? null : peak.gflops(); }

    /** Where the peak comes from ({@link Peak#source()}), null without a peak. */
    public String peakSource() { return peak == null ? null : peak.source(); }

    /** The engine kernel that reached the measured peak; null when the peak was given or is missing. */
    public GemmKernel peakKernel() { return peak == null ? null : peak.kernel(); }
}
