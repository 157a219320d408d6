package io.ferbench.reports.compare;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.cell.Execution;
import io.ferbench.api.cell.Network;
import io.ferbench.api.cell.Training;

/**
 * What a cell computes, as a pairing key between runs: the typed {@link Cell} without what only tells repeats or runs
 * apart (suite name, id, position, repeat, seed) or does not change the computation (time limit, download hint).
 * Framework versions and machines are not part of it: comparing them is the point.
 */
record Configuration(DatasetSpec dataset, Network network, Training training, Execution execution) {
    static Configuration of(Cell cell) {
        DatasetSpec d = cell.dataset();
        Training t = cell.training();
        return new Configuration(new DatasetSpec(d.name(), d.kind(), d.path(), d.root(), d.classes(),
                d.imagesPerClass(), d.imageSize(), d.grayscale(), d.minConfidence(), d.seed(), d.classCount(), null,
                d.remedies()),
                cell.network(),
                new Training(t.batchSize(), t.epochs(), t.optimizer(), t.schedule(), t.earlyStopping(),
                        t.augmentation(), t.classWeights(), t.oversample(), t.labelSmoothing(), 0,
                        t.targetAccuracy()),
                cell.execution().withTimeoutSeconds(0));
    }
}
