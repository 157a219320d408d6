package io.ferbench.worker.peak;

import io.ferbench.api.backend.GemmKernel;
import io.ferbench.api.result.Peak;
import io.ferbench.worker.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Measured peaks kept in the cache folder ({@code <cache>/peaks/}), one file per {@link Key}: a run measures each
 * backend's peak in its first cell and later cells and runs on the same machine read it back. A file that cannot be
 * read is measured again; {@code ferbench run --recalibrate} removes them all first ({@link #clear}).
 */
public final class PeakCache {
    /** The folder under the cache root. */
    public static final String FOLDER = "peaks";

    /**
     * What a peak depends on.
     *
     * @param machine  host name, processor model and logical cores
     * @param backend  backend id
     * @param engine   the backend's native library and version (a newer engine may have faster kernels)
     * @param device   the device the backend runs on ({@code cpu}, {@code gpu(0)})
     * @param threads  the cell's intra-op threads; 0 for the engine's default
     */
    public record Key(String machine, String backend, String engine, String device, int threads) {
        /** A readable, file-system-safe name: backend, device, threads, and a digest of the whole key. */
        String fileName() {
            String readable = (backend + "-" + device + "-" + (threads == 0 ? "default" : threads) + "threads")
                    .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "_");
            return readable + "-" + digest(machine + "\n" + backend + "\n" + engine + "\n" + device + "\n" + threads)
                    + ".json";
        }
    }

    /**
     * One cached measurement: the key it answers, the fastest kernel and what its timed runs gave, and every measured
     * kernel's figure.
     */
    public record Entry(Key key, GemmKernel kernel, int matrixSize, double gflops, double[] runSeconds,
                        Map<GemmKernel, Double> byKernel, String measuredAt) {
        public Peak peak() { return Peak.measured(key.backend(), gflops, matrixSize, kernel); }
    }

    private final Path folder;

    public PeakCache(Path cacheRoot) {
        this.folder = cacheRoot.resolve(FOLDER);
    }

    /** The cached peak for {@code key}, empty if none was measured (or its file is unreadable). */
    public Optional<Entry> find(Key key) {
        Path file = folder.resolve(key.fileName());
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            Entry entry = JsonFiles.read(file, Entry.class);
            // an entry without a kernel predates measuring every kernel: its figure may be the slower one's
            boolean current = entry.key().equals(key) && entry.kernel() != null && entry.gflops() > 0;
            return current ? Optional.of(entry) : Optional.empty();
        } catch (RuntimeException e) {
            System.err.println("warning: ignoring the unreadable cached peak " + file + " (" + e.getMessage()
                    + "); measuring again");
            return Optional.empty();
        }
    }

    /** Stores a measurement for {@code key} and returns it. */
    public Entry store(Key key, PeakMeasurement.Outcome outcome) {
        Entry entry = new Entry(key, outcome.kernel(), outcome.size(), outcome.gflops(), outcome.runSeconds(),
                outcome.byKernel(), Instant.now().toString());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the peak cache folder " + folder + ": " + e.getMessage(), e);
        }
        JsonFiles.write(folder.resolve(key.fileName()), entry, true);
        return entry;
    }

    /** Removes every cached peak, so the next cells measure again; returns how many were removed. */
    public static int clear(Path cacheRoot) {
        Path folder = cacheRoot.resolve(FOLDER);
        if (!Files.isDirectory(folder)) return 0;
        int removed = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                Files.deleteIfExists(file);
                removed++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the peak cache " + folder + ": " + e.getMessage(), e);
        }
        return removed;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
