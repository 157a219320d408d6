package io.ferbench.worker.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The operating points of a binary scorer: scikit-learn's {@code roc_curve} (version 1.3 and later).
 *
 * <p>Point {@code i} is the false and true positive rate of the rule "positive when
 * {@code score >= thresholds[i]}". Thresholds are the distinct scores, in decreasing order, preceded
 * by {@code +Infinity} so that every curve starts at (0, 0) and ends at (1, 1). Samples with equal
 * scores share one threshold, so ties give a diagonal segment (half credit in the area).
 *
 * <p>With {@code dropIntermediate} (scikit-learn's default) a point is dropped when both the
 * false-positive and the true-positive counts change by the same amount before and after it, i.e.
 * it lies on a straight segment between its neighbours; the area and the plotted shape are
 * unchanged. Like scikit-learn this keeps some collinear points (unequal steps along one line).
 *
 * <p>When there are no negative samples the false positive rate is undefined and every entry of
 * {@code fpr} is NaN; likewise {@code tpr} when there are no positive samples. The area is then NaN.
 *
 * @param fpr        false positive rates, increasing, starting at 0
 * @param tpr        true positive rates, increasing, starting at 0
 * @param thresholds decreasing thresholds, {@code thresholds[0] = +Infinity}
 */
public record RocPoints(double[] fpr, double[] tpr, double[] thresholds) {

    public RocPoints {
        if (fpr.length != tpr.length || fpr.length != thresholds.length) {
            throw new IllegalArgumentException("fpr, tpr and thresholds must have the same length, got "
                    + fpr.length + ", " + tpr.length + " and " + thresholds.length);
        }
        fpr = fpr.clone();
        tpr = tpr.clone();
        thresholds = thresholds.clone();
    }

    /**
     * Computes the curve.
     *
     * @param positive          whether each sample belongs to the positive class
     * @param scores            the score of each sample (higher means more likely positive), finite
     * @param dropIntermediate  drop points that are collinear with their neighbours (see class comment)
     */
    public static RocPoints of(boolean[] positive, double[] scores, boolean dropIntermediate) {
        if (positive == null || scores == null) {
            throw new IllegalArgumentException("positive flags and scores must not be null");
        }
        if (positive.length != scores.length) {
            throw new IllegalArgumentException("there are " + positive.length + " positive flags but " + scores.length
                    + " scores; they must pair up one to one");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("a ROC curve needs at least one scored sample");
        }
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores[" + i + "] is " + scores[i] + "; scores must be finite");
            }
        }
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());

        // Cumulative counts at the last sample of each run of equal scores.
        double[] truePositives = new double[scores.length];
        double[] falsePositives = new double[scores.length];
        double[] distinctScores = new double[scores.length];
        int points = 0;
        long tp = 0;
        long fp = 0;
        for (int rank = 0; rank < order.length; rank++) {
            int sample = order[rank];
            if (positive[sample]) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfTie = rank == order.length - 1 || scores[order[rank + 1]] != scores[sample];
            if (lastOfTie) {
                truePositives[points] = tp;
                falsePositives[points] = fp;
                distinctScores[points] = scores[sample];
                points++;
            }
        }

        int[] kept = dropIntermediate && points > 2
                ? cornerIndices(falsePositives, truePositives, points)
                : IntStream.range(0, points).toArray();

        double[] fpr = new double[kept.length + 1];
        double[] tpr = new double[kept.length + 1];
        double[] thresholds = new double[kept.length + 1];
        thresholds[0] = Double.POSITIVE_INFINITY;
        for (int k = 0; k < kept.length; k++) {
            fpr[k + 1] = rate(falsePositives[kept[k]], fp);
            tpr[k + 1] = rate(truePositives[kept[k]], tp);
            thresholds[k + 1] = distinctScores[kept[k]];
        }
        fpr[0] = rate(0, fp);
        tpr[0] = rate(0, tp);
        return new RocPoints(fpr, tpr, thresholds);
    }

    /** scikit-learn's drop_intermediate: keep the ends and every point where fps or tps has a non-zero second difference. */
    private static int[] cornerIndices(double[] fps, double[] tps, int points) {
        return IntStream.range(0, points)
                .filter(i -> i == 0 || i == points - 1
                        || fps[i - 1] - 2 * fps[i] + fps[i + 1] != 0
                        || tps[i - 1] - 2 * tps[i] + tps[i + 1] != 0)
                .toArray();
    }

    /** A rate over a total of zero (no negatives, or no positives) is undefined: NaN, as in scikit-learn. */
    private static double rate(double count, long total) {
        return total == 0 ? Double.NaN : count / total;
    }

    /** Area under the curve by the trapezoidal rule (scikit-learn's {@code auc(fpr, tpr)}); NaN when the curve is undefined. */
    public double area() {
        return trapezoidalArea(fpr, tpr);
    }

    /** Area under the polyline through (x[i], y[i]) with x non-decreasing; NaN if any coordinate is NaN. */
    static double trapezoidalArea(double[] x, double[] y) {
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        return area;
    }

    @Override public double[] fpr() { return fpr.clone(); }
    @Override public double[] tpr() { return tpr.clone(); }
    @Override public double[] thresholds() { return thresholds.clone(); }

    @Override
    public boolean equals(Object other) {
        return other instanceof RocPoints that && Arrays.equals(fpr, that.fpr) && Arrays.equals(tpr, that.tpr)
                && Arrays.equals(thresholds, that.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(fpr) + Arrays.hashCode(tpr)) + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "RocPoints[fpr=" + Arrays.toString(fpr) + ", tpr=" + Arrays.toString(tpr)
                + ", thresholds=" + Arrays.toString(thresholds) + "]";
    }
}
