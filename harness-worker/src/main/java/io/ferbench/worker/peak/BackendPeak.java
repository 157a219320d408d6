package io.ferbench.worker.peak;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.result.Peak;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The peak a cell's share is relative to: the user's {@code --peak-gflops} when given, else the backend's measured
 * matrix multiply on this machine, device and thread count (from the cache, or measured now and cached). The
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
     */
    public static Peak of(Backend backend, Double given, Path cacheRoot, int threads, String cpuModel, int cores) {
        if (given != null) return Peak.given(given);
        BackendInfo info = backend.info();
        PeakCache.Key key = new PeakCache.Key(hostName() + " / " + cpuModel + " / " + cores + " logical cores",
                info.id(), info.nativeVersion(), info.device(), threads);
        PeakCache cache = new PeakCache(cacheRoot);
        Optional<PeakCache.Entry> cached = cache.find(key);
        if (cached.isPresent()) return cached.get().peak();
        try {
            Optional<PeakMeasurement.Outcome> measured = PeakMeasurement.measure(backend, info.device().startsWith("gpu"));
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

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env != null ? env : "unknown host";
        }
    }
}
