package io.ferbench.backend.tensorflow;

import io.ferbench.api.backend.CacheDirs;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where JavaCPP unpacks TensorFlow's native library (≈ 650 MB). JavaCPP's own default is
 * {@code ~/.javacpp/cache}; ferbench keeps it out of the home directory. JavaCPP reads the property
 * when its loader first runs, so {@link #prepare()} must come before any TensorFlow class is used.
 */
final class NativeCache {
    static final String JAVACPP_CACHE_PROPERTY = "org.bytedeco.javacpp.cachedir";

    private NativeCache() {}

    /** Sets {@value #JAVACPP_CACHE_PROPERTY} unless it is set already; returns the directory in effect. */
    static synchronized String prepare() {
        Path dir = directory(System.getenv(), System.getProperties());
        if (dir != null) System.setProperty(JAVACPP_CACHE_PROPERTY, dir.toString());
        return System.getProperty(JAVACPP_CACHE_PROPERTY);
    }

    /**
     * The cache directory to set, or null when {@value #JAVACPP_CACHE_PROPERTY} is already given:
     * {@code <ferbench cache>/javacpp}, where the ferbench cache is the {@value CacheDirs#PROPERTY}
     * property or the {@value CacheDirs#ENV} variable, else {@code <java.io.tmpdir>/ferbench-cache/javacpp}.
     */
    static Path directory(Map<String, String> env, Properties properties) {
        if (CacheDirs.isSet(properties.getProperty(JAVACPP_CACHE_PROPERTY))) return null;
        return CacheDirs.resolve("javacpp", env, properties);
    }
}
