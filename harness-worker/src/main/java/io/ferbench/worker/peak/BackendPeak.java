package io.ferbench.worker.peak;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.result.Peak;
import io.ferbench.worker.env.EnvironmentProbe;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The peak a cell's share is relative to: the user's {@code --peak-gflops} when given, else the backend's measured
 * fp32 product through its fastest kernel on this machine, device and thread count (from the cache, or measured now
 * and cached). The
 * yardstick never fails a cell: a backend without a matrix multiply, or one whose measurement fails, leaves the cell
 * without a peak (and says why on standard error).
 */
public final class BackendPeak {
    private BackendPeak() {}

    /**
     * @param given      the user's peak in GFLOP/s, or null to measure
     * @param cacheRoot  ferbench's cache folder
     * @param threads    the cell's intra-op threads (0 for the engine's default)
     * @param cpuModel   the machine's processor model (part of the cache key)
     * @param cores      the machine's logical cores (part of the cache key)
     * @param measuring  called just before a measurement (not when the peak is given or cached)
     */
    public static Peak of(Backend backend, Double given, Path cacheRoot, int threads, String cpuModel, int cores,
                          Runnable measuring) {
        if (given != null) return Peak.given(given);
        BackendInfo info = backend.info();
        String machine = EnvironmentProbe.hostName() + " / " + cpuModel + " / " + cores + " logical cores";
        PeakCache.Key key = new PeakCache.Key(machine, info.id(), info.nativeVersion(), info.device(), threads);
        PeakCache cache = new PeakCache(cacheRoot);
        Optional<PeakCache.Entry> cached = cache.find(key);
        if (cached.isPresent()) return cached.get().peak();
        measuring.run();
        try {
            boolean gpu = info.device().startsWith("gpu");
            Optional<PeakMeasurement.Outcome> measured = PeakMeasurement.measure(backend, gpu);
            if (measured.isEmpty()) {
                System.err.println("note: backend " + info.id() + " offers no matrix multiply to measure its peak; "
                        + "the cell has no share of peak (give one with --peak-gflops)");
                return null;
            }
            return cache.store(key, measured.get()).peak();
        } catch (RuntimeException e) {
            System.err.println("warning: measuring the peak of backend " + info.id() + " failed (" + e
                    + "); the cell has no share of peak");
            return null;
        }
    }
}
