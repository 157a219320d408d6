package io.ferbench.api.result;

import java.util.List;

/**
 * The dataset as the cell actually saw it.
 *
 * @param classNames  class names in index order
 * @param mean        training-split pixel mean on the 0..1 scale (used to normalise every split)
 * @param std         training-split pixel standard deviation on the 0..1 scale
 * @param skippedImages files and folders the dataset left out (corrupt, not images, outside the layout; their reasons
 *                      are in the worker log and the audit)
 * @param audit       what the dataset audit found (null when the dataset was not audited)
 */
public record DatasetSummary(String name, List<String> classNames, int trainSize, int validationSize, int testSize,
                             double mean, double std, int skippedImages, AuditCounts audit) {
    public DatasetSummary {
        classNames = List.copyOf(classNames);
    }

    /** A dataset that was not audited. */
    public DatasetSummary(String name, List<String> classNames, int trainSize, int validationSize, int testSize,
                          double mean, double std, int skipped) {
        this(name, classNames, trainSize, validationSize, testSize, mean, std, skipped, null);
    }
}
