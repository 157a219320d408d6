package io.ferbench.worker.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Precision, recall, F1 and support of one class, as scikit-learn's
 * {@code precision_recall_fscore_support(..., average=None, zero_division=0)} defines them.
 *
 * <p>A ratio whose denominator is zero is 0, never NaN and never an exception: precision of a
 * class that is never predicted, recall of a class that has no true samples, and F1 when both are
 * undefined. F1 is computed as {@code 2·tp / (2·tp + fp + fn)}, which equals the harmonic mean of
 * precision and recall whenever both are defined.
 *
 * @param name      class name
 * @param precision {@code tp / (tp + fp)}, 0 when the class is never predicted
 * @param recall    {@code tp / (tp + fn)}, 0 when the class has no true samples
 * @param f1        harmonic mean of precision and recall, 0 when {@code tp = 0}
 * @param support   number of samples whose true label is this class
 */
public record ClassMetrics(String name, double precision, double recall, double f1, int support) {

    public ClassMetrics {
        if (name == null) {
            throw new IllegalArgumentException("class name must not be null");
        }
        if (support < 0) {
            throw new IllegalArgumentException("support of class '" + name + "' is " + support + "; it counts samples, so it must be >= 0");
        }
    }

    /**
     * Per-class metrics read off a square confusion matrix.
     *
     * @param confusion  {@code [true][predicted]} counts, one row and column per class
     * @param classNames one name per class, in index order
     */
    public static List<ClassMetrics> fromConfusion(int[][] confusion, List<String> classNames) {
        int classes = classNames.size();
        ConfusionMatrix.requireSquare(confusion, classes);
        List<ClassMetrics> metrics = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            long truePositives = confusion[c][c];
            long actual = 0;    // tp + fn: row sum
            long predicted = 0; // tp + fp: column sum
            for (int k = 0; k < classes; k++) {
                actual += confusion[c][k];
                predicted += confusion[k][c];
            }
            long falseNegatives = actual - truePositives;
            long falsePositives = predicted - truePositives;
            metrics.add(new ClassMetrics(classNames.get(c),
                    ratioOrZero(truePositives, predicted),
                    ratioOrZero(truePositives, actual),
                    ratioOrZero(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives),
                    Math.toIntExact(actual)));
        }
        return List.copyOf(metrics);
    }

    /** scikit-learn's {@code zero_division=0}: an undefined ratio counts as 0. */
    private static double ratioOrZero(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
