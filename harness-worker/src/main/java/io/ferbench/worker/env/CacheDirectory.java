package io.ferbench.worker.env;

import java.nio.file.Path;

/**
 * ferbench's cache folder: prepared datasets and the native libraries that DJL and JavaCPP unpack
 * (400–650 MB each), kept out of the home directory's dot-folders. {@code FERBENCH_CACHE} overrides
 * the default {@code ~/.cache/ferbench}.
 */
public record CacheDirectory(Path root) {
    public static final String VARIABLE = "FERBENCH_CACHE";

    public CacheDirectory {
        root = root.toAbsolutePath().normalize();
    }

    public static CacheDirectory fromEnvironment() {
        String configured = System.getenv(VARIABLE);
        if (configured != null && !configured.isBlank()) return new CacheDirectory(Path.of(configured));
        return new CacheDirectory(Path.of(System.getProperty("user.home"), ".cache", "ferbench"));
    }

    /** Preprocessed datasets, shared by all cells. */
    public Path datasets() { return root.resolve("datasets"); }

}
