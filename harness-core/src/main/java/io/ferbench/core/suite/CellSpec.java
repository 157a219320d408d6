package io.ferbench.core.suite;

import io.ferbench.api.backend.OptimizerSpec;
import java.util.Map;

/**
 * One cell of the expanded matrix: everything a worker needs to train and evaluate one model.
 * Serialised to JSON for the worker JVM.
 *
 * @param suite           suite name
 * @param id              stable, file-name-safe cell id (also the results folder name)
 * @param index           position in the plan, from 0
 * @param axes            the matrix values that define this cell, by suite key, for reports
 * @param dataset         the dataset, with the cell's image size applied
 * @param architecture    IR architecture name
 * @param widthMultiplier width multiplier (MobileNetV2, ShuffleNetV2), 1.0 otherwise
 * @param backend         backend id
 * @param device          {@code auto}, {@code cpu} or {@code gpu}
 * @param threads         intra-op threads for the backend, 0 for its default
 * @param batchSize       training batch size
 * @param epochs          maximum epochs
 * @param optimizer       optimizer and its hyperparameters
 * @param earlyStopping   early stopping policy
 * @param seed            seeds weights, batch order and the engine
 * @param repeat          repeat index (0-based) when the suite asks for repeats
 * @param timeoutSeconds  the worker is killed after this long
 * @param backendSettings backend-specific switches, recorded in results
 */
public record CellSpec(String suite, String id, int index, Map<String, Object> axes, DatasetSpec dataset,
                       String architecture, double widthMultiplier, String backend, String device, int threads,
                       int batchSize, int epochs, OptimizerSpec optimizer, EarlyStoppingSpec earlyStopping,
                       long seed, int repeat, long timeoutSeconds, Map<String, String> backendSettings) {
}
