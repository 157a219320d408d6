package io.ferbench.worker.peak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.backend.GemmKernel;
import io.ferbench.api.backend.Matmul;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.result.Peak;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeakMeasurementTest {
    private final AtomicInteger measured = new AtomicInteger();
    @TempDir Path cache;

    /** A backend whose product of order n takes n³ / 2e10 s (0.1 GFLOP/s), sleeping instead of computing. */
    private static final class SlowBackend implements Backend {
        final List<Integer> sizes = new ArrayList<>();
        /** Multiply-adds per second of each kernel it offers: n³ of them take n³ / rate seconds. */
        final Map<GemmKernel, Double> rates = new EnumMap<>(Map.of(GemmKernel.MATRIX_MULTIPLY, 2e10));
        int runs;

        @Override public BackendInfo info() { return new BackendInfo("slow", "Slow 1.0", "none", "cpu", Map.of()); }

        @Override public TrainableModel build(ModelGraph graph, ModelSpec spec) { throw new UnsupportedOperationException(); }

        @Override public Optional<Matmul> matmul(float[] a, float[] b, int n, GemmKernel kernel) {
            Double rate = rates.get(kernel);
            if (rate == null) return Optional.empty();
            if (kernel == GemmKernel.MATRIX_MULTIPLY) sizes.add(n);
            return Optional.of(new Matmul() {
                @Override public int size() { return n; }

                @Override public void run() {
                    runs++;
                    long nanos = (long) ((double) n * n * n / rate * 1e9);
                    long until = System.nanoTime() + nanos;
                    while (System.nanoTime() < until) Thread.onSpinWait();
                }

                @Override public float[] result() { return new float[n * n]; }

                @Override public void close() {}
            });
        }

        @Override public void close() {}
    }

    @Test
    void theProductGrowsUntilItIsLongEnoughForTheClockAndTheMedianRunGivesThePeak() {
        SlowBackend backend = new SlowBackend();
        PeakMeasurement.Outcome outcome = PeakMeasurement.measure(backend, false).orElseThrow();
        // 256³ / 2e10 = 0.84 ms, 512: 6.7 ms, 1024: 54 ms ≥ 50 ms
        assertEquals(List.of(256, 512, 1024), backend.sizes);
        assertEquals(1024, outcome.size());
        assertTrue(outcome.runSeconds().length >= PeakMeasurement.MIN_TIMED_RUNS);
        // 2 n³ FLOPs in n³ / 2e10 s: 40 GFLOP/s, less whatever the clock adds
        assertEquals(40, outcome.gflops(), 4);
        assertEquals(GemmKernel.MATRIX_MULTIPLY, outcome.kernel());
        assertEquals(Set.of(GemmKernel.MATRIX_MULTIPLY), outcome.byKernel().keySet(), "the only kernel it offers");
    }

    @Test
    void thePeakIsTheFasterKernelsAndEveryKernelsFigureIsKept() {
        // as PyTorch on an AMD EPYC: its matrix multiply (oneMKL) at half the speed of its 1×1 convolution (oneDNN)
        SlowBackend backend = new SlowBackend();
        backend.rates.put(GemmKernel.CONVOLUTION_1X1, 4e10);
        PeakMeasurement.Outcome outcome = PeakMeasurement.measure(backend, false).orElseThrow();
        assertEquals(GemmKernel.CONVOLUTION_1X1, outcome.kernel());
        assertEquals(80, outcome.gflops(), 8);
        assertEquals(40, outcome.byKernel().get(GemmKernel.MATRIX_MULTIPLY), 4);
        assertEquals(outcome.gflops(), outcome.byKernel().get(GemmKernel.CONVOLUTION_1X1));

        backend.rates.put(GemmKernel.CONVOLUTION_1X1, 1e10);
        assertEquals(GemmKernel.MATRIX_MULTIPLY, PeakMeasurement.measure(backend, false).orElseThrow().kernel(),
                "a slower convolution does not lower the peak");
    }

    @Test
    void aCachedPeakIsReadBackForTheSameKeyAndMeasuredAgainAfterClearing() throws IOException {
        SlowBackend backend = new SlowBackend();
        Peak first = BackendPeak.of(backend, null, cache, 2, "Test CPU", 4, measured::incrementAndGet);
        assertEquals("measured:slow", first.source());
        assertEquals(1024, first.matrixSize());
        assertEquals(GemmKernel.MATRIX_MULTIPLY, first.kernel());
        int measuredRuns = backend.runs;

        Peak again = BackendPeak.of(backend, null, cache, 2, "Test CPU", 4, measured::incrementAndGet);
        assertEquals(first, again);
        assertEquals(measuredRuns, backend.runs, "read from the cache, not measured");
        assertEquals(1, measured.get(), "the progress says 'measuring' only when it measures");

        BackendPeak.of(backend, null, cache, 1, "Test CPU", 4, measured::incrementAndGet);
        assertTrue(backend.runs > measuredRuns, "another thread count is another peak");
        try (var files = Files.list(cache.resolve(PeakCache.FOLDER))) {
            assertEquals(2, files.count());
        }
        assertEquals(2, PeakCache.clear(cache));
        int before = backend.runs;
        BackendPeak.of(backend, null, cache, 2, "Test CPU", 4, measured::incrementAndGet);
        assertTrue(backend.runs > before, "--recalibrate's clearing makes the next cell measure");
    }

    @Test
    void aGivenPeakIsUsedAsIsAndABackendWithoutAMatrixMultiplyHasNoPeak() throws IOException {
        SlowBackend backend = new SlowBackend();
        assertEquals(Peak.given(500),
                BackendPeak.of(backend, 500.0, cache, 0, "Test CPU", 4, measured::incrementAndGet));
        assertEquals(0, backend.runs);
        assertEquals(0, measured.get());

        Backend none = new Backend() {
            @Override public BackendInfo info() { return new BackendInfo("plain", "Plain", "none", "cpu", Map.of()); }
            @Override public TrainableModel build(ModelGraph graph, ModelSpec spec) { throw new UnsupportedOperationException(); }
            @Override public void close() {}
        };
        assertNull(BackendPeak.of(none, null, cache, 0, "Test CPU", 4, measured::incrementAndGet));
        assertFalse(Files.exists(cache.resolve(PeakCache.FOLDER)), "nothing cached for it");
    }

    @Test
    void anUnreadableCacheFileIsMeasuredAgain() throws IOException {
        SlowBackend backend = new SlowBackend();
        BackendPeak.of(backend, null, cache, 2, "Test CPU", 4, measured::incrementAndGet);
        try (var files = Files.list(cache.resolve(PeakCache.FOLDER))) {
            Files.writeString(files.findFirst().orElseThrow(), "{ not json");
        }
        int before = backend.runs;
        Peak peak = BackendPeak.of(backend, null, cache, 2, "Test CPU", 4, measured::incrementAndGet);
        assertTrue(backend.runs > before);
        assertEquals(1024, peak.matrixSize());
    }
}
