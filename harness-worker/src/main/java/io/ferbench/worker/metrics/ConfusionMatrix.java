package io.ferbench.worker.metrics;

/**
 * Confusion matrices in scikit-learn's orientation: {@code matrix[true][predicted]}, so row
 * {@code i} counts the samples of class {@code i} and its diagonal entry the correctly classified ones.
 */
public final class ConfusionMatrix {
    private ConfusionMatrix() {}

    /**
     * Counts (true, predicted) pairs.
     *
     * @param labels     true class of each sample, each in {@code 0..classes-1}
     * @param predicted  predicted class of each sample, each in {@code 0..classes-1}
     * @param classes    number of classes (rows and columns of the result)
     * @return a new {@code [classes][classes]} matrix
     */
    public static int[][] count(int[] labels, int[] predicted, int classes) {
        if (labels == null || predicted == null) {
            throw new IllegalArgumentException("labels and predictions must not be null");
        }
        if (labels.length != predicted.length) {
            throw new IllegalArgumentException("there are " + labels.length + " labels but " + predicted.length
                    + " predictions; they must pair up one to one");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class, got " + classes);
        }
        int[][] matrix = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            requireClass("labels", i, labels[i], classes);
            requireClass("predictions", i, predicted[i], classes);
            matrix[labels[i]][predicted[i]]++;
        }
        return matrix;
    }

    /** The class with the highest probability in each row; the first such class on a tie (like numpy's argmax). */
    public static int[] argmax(float[][] probabilities) {
        int[] predicted = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            float[] row = probabilities[i];
            int best = 0;
            for (int c = 1; c < row.length; c++) {
                if (row[c] > row[best]) {
                    best = c;
                }
            }
            predicted[i] = best;
        }
        return predicted;
    }

    static void requireClass(String what, int index, int value, int classes) {
        if (value < 0 || value >= classes) {
            throw new IllegalArgumentException(what + "[" + index + "] = " + value + " is not a class index; valid indices are 0.."
                    + (classes - 1) + " (" + classes + " classes)");
        }
    }

    static void requireSquare(int[][] matrix, int classes) {
        if (matrix == null || matrix.length != classes) {
            throw new IllegalArgumentException("confusion matrix must have " + classes + " rows (one per class), got "
                    + (matrix == null ? "null" : matrix.length));
        }
        for (int r = 0; r < classes; r++) {
            if (matrix[r] == null || matrix[r].length != classes) {
                throw new IllegalArgumentException("confusion matrix row " + r + " must have " + classes + " columns, got "
                        + (matrix[r] == null ? "null" : matrix[r].length));
            }
            for (int c = 0; c < classes; c++) {
                if (matrix[r][c] < 0) {
                    throw new IllegalArgumentException("confusion matrix entry [" + r + "][" + c + "] is " + matrix[r][c]
                            + "; counts must be >= 0");
                }
            }
        }
    }
}
