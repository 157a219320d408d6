package io.ferbench.worker.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Everything ferbench reports about a classifier on one split, computed from the true labels and the
 * predicted class probabilities. Definitions are scikit-learn's, so numbers can be compared with
 * published Python results:
 *
 * <ul>
 *   <li>the predicted class is the most probable one (the first on a tie, like numpy's argmax);</li>
 *   <li>{@code accuracy} is the fraction of correct predictions (equal to micro-averaged precision,
 *       recall and F1 for single-label multiclass data);</li>
 *   <li>per-class metrics are {@link ClassMetrics} with {@code zero_division=0}: an undefined ratio is
 *       0, with no exception and no NaN;</li>
 *   <li>macro averages are the unweighted means over <em>all</em> classes in {@code classNames}, and
 *       weighted averages weight each class by its support. This is scikit-learn with
 *       {@code labels=range(len(classNames))}: a class absent from both labels and predictions still
 *       counts, with zeros, in the macro average;</li>
 *   <li>{@code confusion} is {@code [true][predicted]};</li>
 *   <li>{@code roc} holds one one-vs-rest {@link RocCurve} per class, in class order;
 *       {@code macroAuc} is the mean AUC over the classes whose curve is defined (the class has
 *       both positive and negative samples). A class absent from the labels has NaN AUC and is
 *       left out of the mean; {@code macroAuc} is NaN only if no class qualifies.</li>
 * </ul>
 */
public record ClassificationReport(double accuracy, List<ClassMetrics> perClass,
                                   double macroPrecision, double macroRecall, double macroF1,
                                   double weightedPrecision, double weightedRecall, double weightedF1,
                                   int[][] confusion, List<RocCurve> roc, double macroAuc) {

    /** Largest accepted distance of a probability row's sum from 1 (float softmax outputs are well within it). */
    public static final double ROW_SUM_TOLERANCE = 1e-3;

    public ClassificationReport {
        perClass = List.copyOf(perClass);
        roc = List.copyOf(roc);
        confusion = deepCopy(confusion);
    }

    /**
     * Computes the report.
     *
     * @param labels        true class index of each sample, in {@code 0..classNames.size()-1}
     * @param probabilities {@code [samples][classes]} predicted probabilities, each row in [0, 1] summing
     *                      to 1 within {@link #ROW_SUM_TOLERANCE} (use {@link Softmax#probabilities} on logits)
     * @param classNames    distinct class names in index order, at least two
     * @throws IllegalArgumentException naming the offending index when the inputs do not fit together
     */
    public static ClassificationReport of(int[] labels, float[][] probabilities, List<String> classNames) {
        validate(labels, probabilities, classNames);
        int classes = classNames.size();
        int[] predicted = ConfusionMatrix.argmax(probabilities);
        int[][] confusion = ConfusionMatrix.count(labels, predicted, classes);

        long correct = 0;
        for (int c = 0; c < classes; c++) {
            correct += confusion[c][c];
        }
        List<ClassMetrics> perClass = ClassMetrics.fromConfusion(confusion, classNames);

        List<RocCurve> roc = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            roc.add(RocCurve.oneVsRest(classNames.get(c), c, labels, probabilities));
        }

        return new ClassificationReport((double) correct / labels.length, perClass,
                macro(perClass, ClassMetrics::precision), macro(perClass, ClassMetrics::recall), macro(perClass, ClassMetrics::f1),
                weighted(perClass, ClassMetrics::precision), weighted(perClass, ClassMetrics::recall),
                weighted(perClass, ClassMetrics::f1),
                confusion, roc, macroAuc(roc));
    }

    /** The confusion matrix, {@code [true][predicted]} (a copy). */
    @Override
    public int[][] confusion() {
        return deepCopy(confusion);
    }

    private static double macro(List<ClassMetrics> perClass, ToDoubleFunction<ClassMetrics> metric) {
        return perClass.stream().mapToDouble(metric).average().orElseThrow();
    }

    /** Support-weighted mean; the total support is the sample count, which {@link #validate} keeps positive. */
    private static double weighted(List<ClassMetrics> perClass, ToDoubleFunction<ClassMetrics> metric) {
        double sum = 0;
        long support = 0;
        for (ClassMetrics m : perClass) {
            sum += metric.applyAsDouble(m) * m.support();
            support += m.support();
        }
        return sum / support;
    }

    private static double macroAuc(List<RocCurve> roc) {
        return roc.stream().filter(RocCurve::defined).mapToDouble(RocCurve::auc).average().orElse(Double.NaN);
    }

    private static void validate(int[] labels, float[][] probabilities, List<String> classNames) {
        if (labels == null || probabilities == null || classNames == null) {
            throw new IllegalArgumentException("labels, probabilities and class names must not be null");
        }
        int classes = classNames.size();
        if (classes < 2) {
            throw new IllegalArgumentException("a classification report needs at least 2 classes, got " + classNames);
        }
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < classes; c++) {
            String name = classNames.get(c);
            if (name == null || !seen.add(name)) {
                throw new IllegalArgumentException("class name " + c + " is " + (name == null ? "null" : "'" + name + "', a duplicate")
                        + "; class names must be distinct and non-null: " + classNames);
            }
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("no samples: a classification report needs at least one labelled sample");
        }
        if (labels.length != probabilities.length) {
            throw new IllegalArgumentException("there are " + labels.length + " labels but " + probabilities.length
                    + " probability rows; each sample needs one label and one row");
        }
        for (int i = 0; i < labels.length; i++) {
            ConfusionMatrix.requireClass("labels", i, labels[i], classes);
            requireProbabilityRow(probabilities[i], i, classNames);
        }
    }

    private static void requireProbabilityRow(float[] row, int i, List<String> classNames) {
        int classes = classNames.size();
        if (row == null || row.length != classes) {
            throw new IllegalArgumentException("probabilities[" + i + "] has " + (row == null ? "no values (null)" : row.length + " values")
                    + " but there are " + classes + " classes " + classNames);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            float p = row[c];
            if (!(p >= 0 && p <= 1)) { // also rejects NaN
                throw new IllegalArgumentException("probabilities[" + i + "][" + c + "] is " + p
                        + "; probabilities must lie in [0, 1] (pass softmax outputs, not logits: see Softmax.probabilities)");
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
            throw new IllegalArgumentException("probabilities[" + i + "] sums to " + (float) sum + ", not 1 (tolerance "
                    + ROW_SUM_TOLERANCE + "); pass softmax outputs, not logits or unnormalised scores");
        }
    }

    private static int[][] deepCopy(int[][] matrix) {
        int[][] copy = new int[matrix.length][];
        for (int r = 0; r < matrix.length; r++) {
            copy[r] = matrix[r].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClassificationReport that
                && Double.compare(accuracy, that.accuracy) == 0 && perClass.equals(that.perClass)
                && Double.compare(macroPrecision, that.macroPrecision) == 0
                && Double.compare(macroRecall, that.macroRecall) == 0 && Double.compare(macroF1, that.macroF1) == 0
                && Double.compare(weightedPrecision, that.weightedPrecision) == 0
                && Double.compare(weightedRecall, that.weightedRecall) == 0
                && Double.compare(weightedF1, that.weightedF1) == 0
                && Arrays.deepEquals(confusion, that.confusion) && roc.equals(that.roc)
                && Double.compare(macroAuc, that.macroAuc) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {accuracy, perClass, macroPrecision, macroRecall, macroF1,
                weightedPrecision, weightedRecall, weightedF1, Arrays.deepHashCode(confusion), roc, macroAuc});
    }

    @Override
    public String toString() {
        return "ClassificationReport[accuracy=" + accuracy + ", perClass=" + perClass
                + ", macro=(" + macroPrecision + ", " + macroRecall + ", " + macroF1 + ")"
                + ", weighted=(" + weightedPrecision + ", " + weightedRecall + ", " + weightedF1 + ")"
                + ", confusion=" + Arrays.deepToString(confusion) + ", roc=" + roc + ", macroAuc=" + macroAuc + "]";
    }
}
