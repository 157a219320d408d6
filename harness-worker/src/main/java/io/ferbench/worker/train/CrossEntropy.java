package io.ferbench.worker.train;

/**
 * Softmax cross-entropy computed in the harness from logits, so the validation and test losses of
 * every backend come from the same formula (the training loss is the backend's own, before its step).
 */
public final class CrossEntropy {
    private CrossEntropy() {}

    /** Sum over the rows of {@code -log softmax(logits)[label]}, computed with the log-sum-exp shift. */
    public static double sum(float[][] logits, int[] labels) {
        double total = 0;
        for (int r = 0; r < logits.length; r++) {
            float[] row = logits[r];
            double max = Double.NEGATIVE_INFINITY;
            for (float v : row) max = Math.max(max, v);
            double sumExp = 0;
            for (float v : row) sumExp += Math.exp(v - max);
            total += Math.log(sumExp) + max - row[labels[r]];
        }
        return total;
    }
}
