package io.ferbench.api.result;

import java.util.List;

/**
 * The dataset as the cell actually saw it.
 *
 * @param classNames  class names in index order
 * @param mean        training-split pixel mean on the 0..1 scale (used to normalise every split)
 * @param std         training-split pixel standard deviation on the 0..1 scale
 * @param skipped     how many source files could not be used (their reasons are in the worker log)
 */
public record DatasetSummary(String name, List<String> classNames, int trainSize, int validationSize, int testSize,
                             double mean, double std, int skipped) {
    public DatasetSummary {
        classNames = List.copyOf(classNames);
    }
}
