package io.ferbench.worker.train;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.Prediction;
import io.ferbench.api.backend.TrainableModel;
import java.util.Arrays;

/** Evaluation-mode passes over (part of) an image set, in batches of a fixed size. */
public final class Evaluator {
    private final TrainableModel model;
    private final int batchSize;

    public Evaluator(TrainableModel model, int batchSize) {
        this.model = model;
        this.batchSize = batchSize;
    }

    /** Loss and accuracy over all images of {@code batches}. */
    public Evaluation evaluate(Batches batches) {
        return evaluate(batches, all(batches.images().size()), false, new int[0]);
    }

    /**
     * Loss and accuracy over the images {@code rows} (ascending indices), optionally keeping the
     * logits, and the penultimate features of the images listed in {@code featureRows} (ascending, a
     * subset of {@code rows}).
     */
    public Evaluation evaluate(Batches batches, int[] rows, boolean keepLogits, int[] featureRows) {
        int n = rows.length;
        float[][] logits = keepLogits ? new float[n][] : null;
        float[][] features = featureRows.length > 0 ? new float[featureRows.length][] : null;
        int[] labels = batches.images().labels();
        double lossSum = 0;
        int correct = 0;
        int nextFeature = 0;
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(from + batchSize, n);
            boolean withFeatures = nextFeature < featureRows.length && featureRows[nextFeature] <= rows[to - 1];
            Batch batch = batches.make(rows, from, to);
            Prediction p = model.predict(batch, withFeatures);
            checkShape(p, batch.size(), withFeatures);
            lossSum += CrossEntropy.sum(p.logits(), batch.labels());
            for (int k = 0; k < batch.size(); k++) {
                float[] row = p.logits()[k];
                if (argMax(row) == batch.labels()[k]) correct++;
                if (keepLogits) logits[from + k] = row;
                if (withFeatures && nextFeature < featureRows.length && featureRows[nextFeature] == rows[from + k]) {
                    features[nextFeature++] = p.features()[k];
                }
            }
        }
        if (nextFeature != featureRows.length) {
            throw new IllegalArgumentException("feature rows " + Arrays.toString(featureRows)
                    + " are not an ascending subset of the evaluated rows");
        }
        return new Evaluation(n, n == 0 ? Double.NaN : lossSum / n, n == 0 ? Double.NaN : (double) correct / n,
                logits, features);
    }

    static int[] all(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        return rows;
    }

    static int argMax(float[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) if (row[c] > row[best]) best = c;
        return best;
    }

    private static void checkShape(Prediction p, int size, boolean withFeatures) {
        if (p.logits() == null || p.logits().length != size) {
            throw new IllegalStateException("the backend returned " + (p.logits() == null ? "no" : p.logits().length)
                    + " rows of logits for a batch of " + size);
        }
        if (withFeatures && (p.features() == null || p.features().length != size)) {
            throw new IllegalStateException("the backend returned no penultimate features for a batch of " + size
                    + " although they were requested");
        }
    }
}
