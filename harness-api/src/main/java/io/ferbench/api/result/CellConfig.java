package io.ferbench.api.result;

import io.ferbench.api.backend.OptimizerSpec;
import java.util.List;
import java.util.Map;

/**
 * The configuration of one cell as recorded in its result: every hyperparameter a reader needs to
 * tell cells apart, flattened from the suite's cell spec.
 *
 * @param axes            the suite's matrix values that define this cell, rendered as text
 * @param classes         the class subset the suite asked for (empty: all classes of the dataset)
 * @param imagesPerClass  cap per class, or null for none
 * @param device          the device the suite asked for ({@code auto}, {@code cpu}, {@code gpu})
 * @param maxEpochs       the epoch budget (early stopping may end sooner)
 * @param timeoutSeconds  the worker's time limit, 0 for none
 */
public record CellConfig(String suite, String cellId, int index, int repeat, Map<String, String> axes,
                         String dataset, String datasetKind, int imageSize, int channels, List<String> classes,
                         Integer imagesPerClass, String architecture, double widthMultiplier, String backend,
                         String device, int threads, int batchSize, int maxEpochs, OptimizerSpec optimizer,
                         EarlyStoppingConfig earlyStopping, long seed, long timeoutSeconds,
                         Map<String, String> backendSettings) {
    public CellConfig {
        axes = axes == null ? Map.of() : Map.copyOf(axes);
        classes = classes == null ? List.of() : List.copyOf(classes);
        backendSettings = backendSettings == null ? Map.of() : Map.copyOf(backendSettings);
    }

    public CellConfig withTimeoutSeconds(long seconds) {
        return new CellConfig(suite, cellId, index, repeat, axes, dataset, datasetKind, imageSize, channels, classes,
                imagesPerClass, architecture, widthMultiplier, backend, device, threads, batchSize, maxEpochs, optimizer,
                earlyStopping, seed, seconds, backendSettings);
    }
}
