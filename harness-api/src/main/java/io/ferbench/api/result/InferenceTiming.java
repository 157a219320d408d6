package io.ferbench.api.result;

/**
 * Evaluation-mode forward-pass speed after training, measured like a micro-benchmark: warm-up calls
 * first, then timed calls; percentiles are nearest-rank.
 *
 * @param batchSize          images per call for the throughput measurement (the training batch size)
 * @param measuredBatches    timed calls at {@code batchSize}
 * @param imagesPerSecond    {@code batchSize × measuredBatches / total time of those calls}
 * @param batchLatencyP50Ms  median time of one call at {@code batchSize}
 * @param batchLatencyP99Ms  99th percentile of one call at {@code batchSize}
 * @param singleSamples      timed calls with a single image
 * @param latencyP50Ms       median time of a one-image call
 * @param latencyP99Ms       99th percentile of a one-image call
 * @param gflops             achieved GFLOP/s during the throughput measurement (2 × MACs per image)
 */
public record InferenceTiming(int batchSize, int measuredBatches, double imagesPerSecond,
                              double batchLatencyP50Ms, double batchLatencyP99Ms,
                              int singleSamples, double latencyP50Ms, double latencyP99Ms, double gflops) {}
