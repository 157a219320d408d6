package io.ferbench.worker;

import io.ferbench.api.cell.Cell;
import io.ferbench.worker.train.InferenceSettings;

/**
 * What the coordinator hands a worker in {@code cell.json}: the cell and the run's settings.
 * Paths are absolute (the worker runs in the cell's folder).
 *
 * @param dataRoot       datasets' relative paths resolve against this folder
 * @param cacheRoot      ferbench's cache folder (prepared datasets are shared there)
 * @param givenPeakGflops the fp32 peak the user gave ({@code --peak-gflops}) for the share of peak; null to measure
 *                       each backend's own ({@link io.ferbench.worker.peak.BackendPeak})
 * @param inference      how inference speed is measured
 * @param featureSample  how many test images' penultimate features to keep for t-SNE
 * @param cellsDir       the run's {@code cells/} folder: the cell writes its weights to {@code <id>/} there and reads
 *                       a source cell's from {@code <source id>/}
 */
public record WorkerRequest(Cell cell, String dataRoot, String cacheRoot, Double givenPeakGflops,
                            InferenceSettings inference, int featureSample, String cellsDir) {}
