package io.ferbench.api.result;

import java.util.List;

/**
 * Classification quality on the test split (evaluation mode, softmax probabilities).
 *
 * @param loss       mean cross-entropy on the test split
 * @param macroAuc   mean one-vs-rest AUC over the classes where it is defined; null when none is
 * @param confusion  {@code [true class][predicted class]} counts
 */
public record TestMetrics(int images, double accuracy, double loss,
                          double macroPrecision, double macroRecall, double macroF1,
                          double weightedPrecision, double weightedRecall, double weightedF1,
                          Double macroAuc, List<ClassScore> perClass, int[][] confusion, List<RocPoints> roc) {
    public TestMetrics {
        perClass = List.copyOf(perClass);
        roc = List.copyOf(roc);
    }
}
