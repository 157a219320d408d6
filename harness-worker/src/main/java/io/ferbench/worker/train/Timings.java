package io.ferbench.worker.train;

import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.result.InferenceTiming;
import io.ferbench.api.result.Timing;
import java.util.List;

/** Turns a training history into the benchmark's timing figures (see {@link Timing}). */
public final class Timings {
    private Timings() {}

    /**
     * @param history      completed epochs (at least one)
     * @param trainImages  training images per epoch
     * @param macs         forward multiply-accumulates per image
     * @param peakGflops   the machine's fp32 peak
     * @param inference    inference figures, or null when not measured
     */
    public static Timing of(List<EpochRecord> history, int trainImages, long macs, double peakGflops,
                            InferenceTiming inference) {
        if (history.isEmpty()) throw new IllegalArgumentException("no completed epoch to time");
        if (!(peakGflops > 0)) throw new IllegalArgumentException("the peak GFLOP/s must be positive, got " + peakGflops);
        // epoch 1 is warm-up; with a single epoch there is nothing else to measure, so it stands in
        List<EpochRecord> measured = history.size() > 1 ? history.subList(1, history.size()) : history;
        double[] seconds = measured.stream().mapToDouble(EpochRecord::seconds).toArray();
        double trainSeconds = measured.stream().mapToDouble(EpochRecord::trainSeconds).sum();
        double imagesPerSecond = (double) trainImages * measured.size() / trainSeconds;
        double gflops = Flops.trainingGflops(macs, imagesPerSecond);
        return new Timing(history.get(0).seconds(), Percentiles.median(seconds), history.size() - 1,
                imagesPerSecond, gflops, peakGflops, gflops / peakGflops, inference);
    }
}
