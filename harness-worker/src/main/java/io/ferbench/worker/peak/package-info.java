/**
 * The yardstick of "share of peak": each backend's own fp32 matrix product through the faster of its engine's kernels
 * (matrix multiply, 1×1 convolution), timed on the cell's device and thread count
 * ({@link io.ferbench.worker.peak.PeakMeasurement}) and kept per machine, backend, device and threads in the
 * cache folder ({@link io.ferbench.worker.peak.PeakCache}), so that a run measures it once.
 */
package io.ferbench.worker.peak;
