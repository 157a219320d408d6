package io.ferbench.suite;

import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.cell.AugmentationSpec;

import java.util.Map;

/**
 * A suite file after validation, before matrix expansion.
 *
 * @param datasets        by name, in document order; image size 0 until a cell picks one
 * @param backendSettings switches by backend id
 * @param augmentations   augmentation profiles by name, {@code none} included
 * @param checkpoints     checkpoint definitions by name, in document order
 */
record SuiteDefinition(String name, String description, Map<String, DatasetSpec> datasets, MatrixDefinition matrix,
                       int repeats, double timeoutMinutes, Map<String, Map<String, String>> backendSettings,
                       Map<String, AugmentationSpec> augmentations, Map<String, CheckpointDefinition> checkpoints,
                       Map<String, Double> targetAccuracies) {
}
