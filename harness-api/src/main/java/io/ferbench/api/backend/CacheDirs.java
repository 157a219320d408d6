package io.ferbench.api.backend;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;

/**
 * Where a backend unpacks its native libraries (400–650 MB each): a sub-folder of the ferbench cache, which is the
 * {@value #PROPERTY} system property, else the {@value #ENV} environment variable, else
 * {@code <java.io.tmpdir>/ferbench-cache} — never the home directory. A backend checks its engine's own setting
 * (e.g. {@code DJL_CACHE_DIR}) before asking here.
 */
public final class CacheDirs {
    public static final String PROPERTY = "ferbench.cache";
    public static final String ENV = "FERBENCH_CACHE";

    private CacheDirs() {}

    /** {@code <ferbench cache>/<subfolder>} as an absolute path; env and properties are passed in for testing. */
    public static Path resolve(String subfolder, Map<String, String> env, Properties properties) {
        String ferbenchCache = properties.getProperty(PROPERTY);
        if (!isSet(ferbenchCache)) ferbenchCache = env.get(ENV);
        Path root = isSet(ferbenchCache)
                ? Paths.get(ferbenchCache)
                : Paths.get(properties.getProperty("java.io.tmpdir"), "ferbench-cache");
        return root.resolve(subfolder).toAbsolutePath();
    }

    /** Whether a setting is given: not null and not blank. */
    public static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
