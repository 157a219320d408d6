package io.ferbench.worker.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.backend.GemmKernel;
import io.ferbench.api.result.Peak;
import io.ferbench.api.result.Timing;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimingsTest {
    private static EpochRecord epoch(int n, double seconds, double trainSeconds) {
        return new EpochRecord(n, 1, 0.5, 1, 0.5, seconds, trainSeconds, 1e-3, null);
    }

    @Test
    void firstEpochIsWarmUpAndTheMedianOfTheOthersIsTheTimePerEpoch() {
        List<EpochRecord> h = List.of(epoch(1, 30, 28), epoch(2, 10, 8), epoch(3, 14, 12), epoch(4, 11, 10));
        long macs = 1_814_000_000L; // ResNet-18 at 224×224
        Timing t = Timings.of(h, 1000, macs, Peak.given(130), null);
        assertEquals(30, t.firstEpochSeconds());
        assertEquals(11, t.medianEpochSeconds());
        assertEquals(3, t.measuredEpochs());
        // 3 epochs × 1000 images in 8 + 12 + 10 s of training steps
        assertEquals(100.0, t.trainImagesPerSecond(), 1e-9);
        // 6 FLOPs per MAC per trained image: 6 × 1.814e9 × 100 / 1e9
        assertEquals(1088.4, t.trainGflops(), 1e-9);
        assertEquals(1088.4 / 130, t.peakShare(), 1e-12);
    }

    @Test
    void aSingleEpochStandsInForTheMeasurementAndSaysSo() {
        Timing t = Timings.of(List.of(epoch(1, 5, 4)), 200, 1_000_000,
                Peak.measured("djl", 100, 1024, GemmKernel.MATRIX_MULTIPLY), null);
        assertEquals(5, t.medianEpochSeconds());
        assertEquals(0, t.measuredEpochs());
        assertEquals(50, t.trainImagesPerSecond(), 1e-9);
        assertEquals("measured:djl", t.peakSource());
        assertNull(t.harnessOverheadShare(), "a history without the step split has no overhead figure");
        assertThrows(IllegalArgumentException.class, () -> Timings.of(List.of(), 1, 1, null, null));
    }

    @Test
    void theHarnessOverheadIsTheShareOfTrainingTimeOutsideTheStepCallsOverTheMeasuredEpochs() {
        // epoch 1 (warm-up) spends 2 of 10 s outside the steps and is left out; epochs 2 and 3: (0.1 + 0.3) / 20
        List<EpochRecord> h = List.of(split(1, 10, 8), split(2, 10, 9.9), split(3, 10, 9.7));
        Timing t = Timings.of(h, 100, 1000, null, null);
        assertEquals(0.02, t.harnessOverheadShare(), 1e-12);
        assertNull(t.peak());
        assertNull(t.peakShare(), "no peak, no share");
    }

    private static EpochRecord split(int n, double trainSeconds, double stepSeconds) {
        return new EpochRecord(n, 1, 0.5, 1, 0.5, trainSeconds + 1, trainSeconds, 1e-3, null, stepSeconds, 0.05,
                null, null);
    }

    @Test
    void percentilesAreNearestRank() {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) v[i] = 100 - i; // 1..100, shuffled order does not matter
        assertEquals(99, Percentiles.nearestRank(v, 99));
        assertEquals(50, Percentiles.nearestRank(v, 50));
        assertEquals(50.5, Percentiles.median(v));
        assertEquals(3, Percentiles.nearestRank(new double[] {3, 1, 2}, 99));
        assertEquals(2, Percentiles.median(new double[] {3, 1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.median(new double[0]));
    }

    @Test
    void crossEntropyMatchesTheClosedForm() {
        // uniform logits over 4 classes: -log(1/4)
        assertEquals(Math.log(4), CrossEntropy.sum(new float[][] {{2, 2, 2, 2}}, new int[] {1}), 1e-9);
        // large logits must not overflow: log(1 + e^-1000) ≈ 0 and 1000 for the wrong class
        assertEquals(1000, CrossEntropy.sum(new float[][] {{1000, 0}, {1000, 0}}, new int[] {0, 1}), 1e-6);
    }
}
