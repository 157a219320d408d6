package io.ferbench.worker.metrics;

/**
 * Turns a model's logits into class probabilities.
 *
 * <p>Numerically stable: each row's maximum is subtracted before exponentiating (softmax is
 * shift-invariant), so large logits never overflow to infinity and the largest term is always
 * {@code exp(0) = 1}, so the normaliser is never zero. Arithmetic is done in double precision.
 */
public final class Softmax {
    private Softmax() {}

    /**
     * Row-wise softmax.
     *
     * @param logits {@code [samples][classes]}, every value finite, every row the same non-zero length
     * @return a new {@code [samples][classes]} array whose rows sum to 1
     * @throws IllegalArgumentException on a null, ragged or empty row, or a non-finite logit
     */
    public static float[][] probabilities(float[][] logits) {
        if (logits == null) {
            throw new IllegalArgumentException("logits must not be null");
        }
        float[][] probabilities = new float[logits.length][];
        int classes = -1;
        for (int i = 0; i < logits.length; i++) {
            float[] row = logits[i];
            if (row == null || row.length == 0) {
                throw new IllegalArgumentException("logits[" + i + "] is " + (row == null ? "null" : "empty")
                        + "; every row needs one logit per class");
            }
            if (classes < 0) {
                classes = row.length;
            } else if (row.length != classes) {
                throw new IllegalArgumentException("logits[" + i + "] has " + row.length
                        + " values but logits[0] has " + classes + "; every row needs one logit per class");
            }
            probabilities[i] = softmaxRow(row, i);
        }
        return probabilities;
    }

    private static float[] softmaxRow(float[] row, int rowIndex) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < row.length; c++) {
            if (!Float.isFinite(row[c])) {
                throw new IllegalArgumentException("logits[" + rowIndex + "][" + c + "] is " + row[c]
                        + "; softmax needs finite logits (a diverged model produces NaN or infinity)");
            }
            max = Math.max(max, row[c]);
        }
        double[] exponentials = new double[row.length];
        double sum = 0;
        for (int c = 0; c < row.length; c++) {
            exponentials[c] = Math.exp(row[c] - max);
            sum += exponentials[c];
        }
        float[] out = new float[row.length];
        for (int c = 0; c < row.length; c++) {
            out[c] = (float) (exponentials[c] / sum);
        }
        return out;
    }
}
