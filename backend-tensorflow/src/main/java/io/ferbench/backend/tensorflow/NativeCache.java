package io.ferbench.backend.tensorflow;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;

/**
 * Where JavaCPP unpacks TensorFlow's native library (≈ 650 MB). JavaCPP's own default is
 * {@code ~/.javacpp/cache}; ferbench keeps it out of the home directory. JavaCPP reads the property
 * when its loader first runs, so {@link #prepare()} must come before any TensorFlow class is used.
 */
final class NativeCache {
    static final String JAVACPP_CACHE_PROPERTY = "org.bytedeco.javacpp.cachedir";
    static final String FERBENCH_CACHE_PROPERTY = "ferbench.cache";
    static final String FERBENCH_CACHE_ENV = "FERBENCH_CACHE";

    private NativeCache() {}

    /** Sets {@value #JAVACPP_CACHE_PROPERTY} unless it is set already; returns the directory in effect. */
    static synchronized String prepare() {
        Path dir = directory(System.getenv(), System.getProperties());
        if (dir != null) System.setProperty(JAVACPP_CACHE_PROPERTY, dir.toString());
        return System.getProperty(JAVACPP_CACHE_PROPERTY);
    }

    /**
     * The cache directory to set, or null when {@value #JAVACPP_CACHE_PROPERTY} is already given:
     * {@code <ferbench cache>/javacpp}, where the ferbench cache is the {@value #FERBENCH_CACHE_PROPERTY}
     * property or the {@value #FERBENCH_CACHE_ENV} variable, else {@code <java.io.tmpdir>/ferbench-cache/javacpp}.
     */
    static Path directory(Map<String, String> env, Properties properties) {
        if (isSet(properties.getProperty(JAVACPP_CACHE_PROPERTY))) return null;
        String ferbenchCache = properties.getProperty(FERBENCH_CACHE_PROPERTY);
        if (!isSet(ferbenchCache)) ferbenchCache = env.get(FERBENCH_CACHE_ENV);
        Path root = isSet(ferbenchCache)
                ? Paths.get(ferbenchCache)
                : Paths.get(properties.getProperty("java.io.tmpdir"), "ferbench-cache");
        return root.resolve("javacpp").toAbsolutePath();
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
