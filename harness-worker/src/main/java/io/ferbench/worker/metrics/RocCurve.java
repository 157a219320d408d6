package io.ferbench.worker.metrics;

import java.util.Arrays;

/**
 * One-vs-rest ROC curve of one class: that class is positive, every other class negative, and the
 * score is the predicted probability of that class. Points follow scikit-learn's
 * {@code roc_curve(..., drop_intermediate=True)} (see {@link RocPoints}); the curve starts at (0, 0).
 *
 * <p>A class with no true samples (or one that every sample belongs to) has no ROC curve: its
 * {@code tpr} (or {@code fpr}) entries are NaN and {@code auc} is NaN. Consumers should skip such
 * curves when plotting; {@link ClassificationReport#macroAuc()} leaves them out.
 *
 * @param className the positive class
 * @param fpr       false positive rates, increasing from 0
 * @param tpr       true positive rates, increasing from 0
 * @param auc       trapezoidal area under the curve, NaN when undefined
 */
public record RocCurve(String className, double[] fpr, double[] tpr, double auc) {

    public RocCurve {
        if (className == null) {
            throw new IllegalArgumentException("class name must not be null");
        }
        if (fpr.length != tpr.length) {
            throw new IllegalArgumentException("ROC curve of class '" + className + "' has " + fpr.length
                    + " false positive rates but " + tpr.length + " true positive rates");
        }
        fpr = fpr.clone();
        tpr = tpr.clone();
    }

    /**
     * The one-vs-rest curve of class {@code classIndex}.
     *
     * @param probabilities {@code [samples][classes]}; column {@code classIndex} is the score
     * @param labels        true class index of each sample
     */
    public static RocCurve oneVsRest(String className, int classIndex, int[] labels, float[][] probabilities) {
        if (labels.length != probabilities.length) {
            throw new IllegalArgumentException("there are " + labels.length + " labels but " + probabilities.length
                    + " probability rows; each sample needs one label and one row");
        }
        for (int i = 0; i < probabilities.length; i++) {
            if (classIndex < 0 || classIndex >= probabilities[i].length) {
                throw new IllegalArgumentException("class index " + classIndex + " of '" + className + "' has no column in probabilities["
                        + i + "], which has " + probabilities[i].length + " values");
            }
        }
        boolean[] positive = new boolean[labels.length];
        double[] scores = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            positive[i] = labels[i] == classIndex;
            scores[i] = probabilities[i][classIndex];
        }
        RocPoints points = RocPoints.of(positive, scores, true);
        return new RocCurve(className, points.fpr(), points.tpr(), points.area());
    }

    /** Whether the curve is defined: the class has both positive and negative samples. */
    public boolean defined() {
        return !Double.isNaN(auc);
    }

    @Override public double[] fpr() { return fpr.clone(); }
    @Override public double[] tpr() { return tpr.clone(); }

    @Override
    public boolean equals(Object other) {
        return other instanceof RocCurve that && className.equals(that.className) && Arrays.equals(fpr, that.fpr)
                && Arrays.equals(tpr, that.tpr) && Double.compare(auc, that.auc) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * className.hashCode() + Arrays.hashCode(fpr)) + Arrays.hashCode(tpr)) + Double.hashCode(auc);
    }

    @Override
    public String toString() {
        return "RocCurve[className=" + className + ", fpr=" + Arrays.toString(fpr) + ", tpr=" + Arrays.toString(tpr)
                + ", auc=" + auc + "]";
    }
}
