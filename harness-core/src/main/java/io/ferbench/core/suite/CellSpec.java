package io.ferbench.core.suite;

import io.ferbench.api.arch.Stem;
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
 * @param augmentation    random transforms of the training images ({@link AugmentationSpec#none()} for none)
 * @param classWeights    weight the training loss by class, {@code N / (classes × n_class)} (sklearn's "balanced")
 * @param oversample      each epoch, draw extra images of the smaller classes (with replacement) until every class
 *                        has as many as the largest
 * @param init            where the initial weights come from and which layers train
 * @param stem            the network's stem: torchvision's, or the small-input variant
 * @param schedule        how the learning rate changes during training
 * @param labelSmoothing  label smoothing ε of the training loss, in [0, 1); 0 for the plain cross-entropy
 */
public record CellSpec(String suite, String id, int index, Map<String, Object> axes, DatasetSpec dataset,
                       String architecture, double widthMultiplier, String backend, String device, int threads,
                       int batchSize, int epochs, OptimizerSpec optimizer, EarlyStoppingSpec earlyStopping,
                       long seed, int repeat, long timeoutSeconds, Map<String, String> backendSettings,
                       AugmentationSpec augmentation, boolean classWeights, boolean oversample, InitSpec init,
                       Stem stem, ScheduleSpec schedule, double labelSmoothing) {
    public CellSpec {
        // absent in requests written before these settings existed: the plain recipe
        if (augmentation == null) augmentation = AugmentationSpec.none();
        if (init == null) init = InitSpec.scratch();
        if (stem == null) stem = Stem.STANDARD;
        if (schedule == null) schedule = ScheduleSpec.constant();
    }

    /** A cell with the plain recipe: no augmentation, no rebalancing, trained from scratch. */
    public CellSpec(String suite, String id, int index, Map<String, Object> axes, DatasetSpec dataset,
                    String architecture, double widthMultiplier, String backend, String device, int threads,
                    int batchSize, int epochs, OptimizerSpec optimizer, EarlyStoppingSpec earlyStopping,
                    long seed, int repeat, long timeoutSeconds, Map<String, String> backendSettings) {
        this(suite, id, index, axes, dataset, architecture, widthMultiplier, backend, device, threads, batchSize,
                epochs, optimizer, earlyStopping, seed, repeat, timeoutSeconds, backendSettings,
                AugmentationSpec.none(), false, false, InitSpec.scratch(), Stem.STANDARD, ScheduleSpec.constant(), 0);
    }
}
