package io.ferbench.worker.train;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.result.InferenceTiming;
import io.ferbench.worker.data.ImageSet;

/**
 * Measures evaluation-mode forward passes of the trained model on test images: throughput and
 * latency at the training batch size, then latency with one image. The batches are built before the
 * clock starts, so only the backend's work is timed.
 */
public final class InferenceBenchmark {
    private InferenceBenchmark() {}

    public static InferenceTiming measure(TrainableModel model, ImageSet images, float mean, float std,
                                          int batchSize, long macs, InferenceSettings settings) {
        Batches batches = new Batches(images, mean, std);
        Batch full = batches.cyclic(batchSize);
        Batch single = batches.cyclic(1);
        double[] batchMs = time(model, full, settings.warmupBatches(), settings.measuredBatches());
        double[] singleMs = time(model, single, settings.warmupSingles(), settings.measuredSingles());
        double totalMs = 0;
        for (double ms : batchMs) totalMs += ms;
        double imagesPerSecond = batchSize * batchMs.length / (totalMs / 1000.0);
        return new InferenceTiming(batchSize, batchMs.length, imagesPerSecond,
                Percentiles.median(batchMs), Percentiles.nearestRank(batchMs, 99),
                singleMs.length, Percentiles.median(singleMs), Percentiles.nearestRank(singleMs, 99),
                Flops.inferenceGflops(macs, imagesPerSecond));
    }

    private static double[] time(TrainableModel model, Batch batch, int warmup, int measured) {
        for (int i = 0; i < warmup; i++) model.predict(batch, false);
        double[] ms = new double[measured];
        for (int i = 0; i < measured; i++) {
            long t0 = System.nanoTime();
            model.predict(batch, false);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }
}
