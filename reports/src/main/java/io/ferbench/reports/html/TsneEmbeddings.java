package io.ferbench.reports.html;

import io.ferbench.api.result.FeatureSample;
import io.ferbench.worker.metrics.Tsne;
import io.ferbench.worker.JsonFiles;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two-dimensional t-SNE embeddings of cells' penultimate features, for the report's scatter plots.
 * Exact t-SNE of 500 points takes seconds, and the report is rewritten after every cell, so each
 * embedding is computed once: it is kept in memory and in the cell's folder ({@code tsne.json}),
 * under a key made of the features themselves and the t-SNE settings, so a retried cell or a changed
 * setting never reuses a stale embedding. A folder that cannot be written only costs the caching.
 */
public final class TsneEmbeddings {
    /** Gradient steps (the customary 1,000). */
    public static final int ITERATIONS = 1000;
    /** Changes when the way embeddings are computed changes, so cached ones are recomputed. */
    private static final int VERSION = 1;

    /** What {@code tsne.json} holds. */
    record Cached(String key, double[][] points) {}

    private final Map<String, double[][]> memory = new ConcurrentHashMap<>();

    /**
     * The embedding of {@code features}, {@code [point][2]}, in the order of the features.
     *
     * @param seed      seeds t-SNE's start (the cell's seed, so a report is reproducible)
     * @param cacheFile where the embedding is kept between reports, or null
     * @return null when there are fewer than 2 points or more than t-SNE accepts
     */
    public double[][] embed(FeatureSample features, long seed, Path cacheFile) {
        int n = features.size();
        if (n < 2 || n > Tsne.MAX_POINTS) return null;
        String key = key(features, seed);
        double[][] known = memory.get(key);
        if (known != null) return known;
        double[][] points = readCache(cacheFile, key);
        if (points == null) {
            points = Tsne.embed(features.vectors(), Tsne.defaultPerplexity(n), ITERATIONS, seed);
            writeCache(cacheFile, new Cached(key, points));
        }
        memory.put(key, points);
        return points;
    }

    private static double[][] readCache(Path file, String key) {
        if (file == null || !Files.isRegularFile(file)) return null;
        try {
            Cached cached = JsonFiles.read(file, Cached.class);
            return key.equals(cached.key()) ? cached.points() : null;
        } catch (RuntimeException e) {
            return null; // a damaged cache is recomputed and replaced
        }
    }

    private static void writeCache(Path file, Cached cached) {
        if (file == null) return;
        try {
            JsonFiles.write(file, cached, false);
        } catch (RuntimeException e) {
            System.err.println("warning: cannot keep the t-SNE embedding in " + file + " (it will be computed again "
                    + "next time): " + e.getMessage());
        }
    }

    /** SHA-256 of the labels, the feature values, the seed and the settings. */
    static String key(FeatureSample features, long seed) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        ByteBuffer header = ByteBuffer.allocate(32).putInt(VERSION).putInt(ITERATIONS).putLong(seed)
                .putInt(features.size()).putDouble(Tsne.defaultPerplexity(features.size()));
        sha.update(header.array(), 0, header.position());
        ByteBuffer row = ByteBuffer.allocate(0);
        for (int i = 0; i < features.size(); i++) {
            float[] v = features.vectors()[i];
            if (row.capacity() < 8 + 4 * v.length) row = ByteBuffer.allocate(8 + 4 * v.length);
            row.clear();
            row.putInt(features.labels()[i]).putInt(v.length);
            for (float x : v) row.putFloat(x);
            sha.update(row.array(), 0, row.position());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
