package io.ferbench.backend.djl;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Utils;
import io.ferbench.api.backend.CacheDirs;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Starts DJL's PyTorch engine once per JVM. Offline mode, the cache directory and the thread counts
 * are read by DJL when the engine loads its native library, so they are put in place first:
 *
 * <ul>
 *   <li>{@code ai.djl.offline=true} unless the property is already set (the CUDA download route sets it
 *       to {@code false} explicitly);</li>
 *   <li>the cache where DJL unpacks libtorch: DJL's own {@code ENGINE_CACHE_DIR} / {@code DJL_CACHE_DIR}
 *       (environment or system property) when set, else {@code <ferbench cache>/djl} where the ferbench
 *       cache is the {@code ferbench.cache} system property or the {@code FERBENCH_CACHE} environment
 *       variable, else {@code <java.io.tmpdir>/ferbench-cache/djl} — never the home directory;</li>
 *   <li>{@code ai.djl.pytorch.num_threads} from the options (0 keeps PyTorch's default) and
 *       {@code ai.djl.pytorch.num_interop_threads} from the settings (1 by default).</li>
 * </ul>
 */
final class EngineSetup {
    static final String ENGINE_NAME = "PyTorch";
    static final String OFFLINE_PROPERTY = "ai.djl.offline";
    private static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";
    private static final String INTEROP_PROPERTY = "ai.djl.pytorch.num_interop_threads";
    private static final String CUDNN_BENCHMARK_PROPERTY = "ai.djl.pytorch.cudnn_benchmark";

    private static Engine engine;

    private EngineSetup() {}

    /**
     * The engine, started with these threads and settings if this is the first call in the JVM. Later
     * calls can still change the intra-op thread count; inter-op threads are fixed once PyTorch ran.
     */
    static synchronized Engine start(int threads, DjlSettings settings) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (engine default) or more, got " + threads);
        }
        if (engine == null) {
            if (System.getProperty(OFFLINE_PROPERTY) == null) System.setProperty(OFFLINE_PROPERTY, "true");
            Path cache = cacheDirectory(System.getenv(), System.getProperties());
            if (cache != null) System.setProperty("DJL_CACHE_DIR", cache.toString());
            if (threads > 0) System.setProperty(THREADS_PROPERTY, Integer.toString(threads));
            System.setProperty(INTEROP_PROPERTY, Integer.toString(settings.interopThreads()));
            if (settings.cudnnBenchmark()) System.setProperty(CUDNN_BENCHMARK_PROPERTY, "true");
            try {
                engine = Engine.getEngine(ENGINE_NAME);
            } catch (EngineException | IllegalArgumentException e) {
                throw new IllegalStateException("the djl backend could not start DJL's PyTorch engine (offline="
                        + Utils.isOfflineMode() + ", cache " + Utils.getEngineCacheDir() + "): offline, the native"
                        + " library must be on the classpath (pytorch-native-cpu, or pytorch-native-cu124 with"
                        + " -Pcuda); see docs/backends/djl.md", e);
            }
        } else if (threads > 0 && JniUtils.getNumThreads() != threads) {
            JniUtils.setNumThreads(threads);
        }
        if (settings.cudnnBenchmark()) JniUtils.setBenchmarkCuDNN(true);
        return engine;
    }

    /**
     * The directory to give DJL as {@code DJL_CACHE_DIR}, or null when DJL's own variables already say
     * where its cache is.
     */
    static Path cacheDirectory(Map<String, String> env, Properties properties) {
        for (String djlVariable : new String[] {"ENGINE_CACHE_DIR", "DJL_CACHE_DIR"}) {
            if (CacheDirs.isSet(env.get(djlVariable)) || CacheDirs.isSet(properties.getProperty(djlVariable))) return null;
        }
        return CacheDirs.resolve("djl", env, properties);
    }

    /** What a result should record about the engine as it actually runs. */
    static Map<String, String> configuration() {
        return Map.of(
                "threads.intra_op", Integer.toString(JniUtils.getNumThreads()),
                "threads.inter_op", Integer.toString(JniUtils.getNumInteropThreads()),
                "offline", Boolean.toString(Utils.isOfflineMode()),
                "cache_dir", Utils.getEngineCacheDir().toString(),
                "omp_wait_policy", String.valueOf(System.getenv("OMP_WAIT_POLICY")),
                "native_features", String.join(",", new TreeSet<>(JniUtils.getFeatures())));
    }
}
