package io.ferbench.worker.train;

import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.result.InferenceTiming;
import io.ferbench.api.result.Peak;
import io.ferbench.api.result.Timing;
import java.util.List;

/** Turns a training history into the benchmark's timing figures (see {@link Timing}). */
public final class Timings {
    private Timings() {}

    /**
     * @param history      completed epochs (at least one)
     * @param trainImages  training images per epoch
     * @param macs         forward multiply-accumulates per image
     * @param peak         the fp32 throughput the share is relative to, or null where none is known
     * @param inference    inference figures, or null when not measured
     */
    public static Timing of(List<EpochRecord> history, int trainImages, long macs, Peak peak,
                            InferenceTiming inference) {
        if (history.isEmpty()) throw new IllegalArgumentException("no completed epoch to time");
        // epoch 1 is warm-up; with a single epoch there is nothing else to measure, so it stands in
        List<EpochRecord> measured = history.size() > 1 ? history.subList(1, history.size()) : history;
        double[] seconds = measured.stream().mapToDouble(EpochRecord::seconds).toArray();
        double trainSeconds = measured.stream().mapToDouble(EpochRecord::trainSeconds).sum();
        double imagesPerSecond = (double) trainImages * measured.size() / trainSeconds;
        double gflops = Flops.trainingGflops(macs, imagesPerSecond);
        return new Timing(history.get(0).seconds(), Percentiles.median(seconds), history.size() - 1,
                imagesPerSecond, gflops, peak, peak == null ? null : gflops / peak.gflops(),
                harnessOverheadShare(measured), inference);
    }

    /** Time outside the backend's step calls over the training time, summed over {@code epochs}; null if unsplit. */
    static Double harnessOverheadShare(List<EpochRecord> epochs) {
        double outside = 0;
        double train = 0;
        for (EpochRecord e : epochs) {
            Double harness = e.harnessSeconds();
            if (harness == null) return null;
            outside += harness;
            train += e.trainSeconds();
        }
        return train > 0 ? outside / train : null;
    }
}
