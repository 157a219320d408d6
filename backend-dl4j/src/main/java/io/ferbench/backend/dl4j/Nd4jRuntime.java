package io.ferbench.backend.dl4j;

import io.ferbench.api.backend.CacheDirs;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.deeplearning4j.config.DL4JSystemProperties;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * ND4J's native runtime as the dl4j backend uses it: started once per JVM, checked against the
 * requested device, and described for {@link io.ferbench.api.backend.BackendInfo}.
 *
 * <p>Before ND4J loads its natives, JavaCPP's cache (where it unpacks the ~370 MB libnd4jcpu) is put
 * under the ferbench cache unless {@code org.bytedeco.javacpp.cachedir} is already set: the
 * {@code ferbench.cache} system property or the {@code FERBENCH_CACHE} environment variable, else
 * {@code <java.io.tmpdir>/ferbench-cache}; never the home directory. JavaCPP's native memory limits
 * default to the heap size ({@code -Xmx}), far too little for a worker whose tensors all live off-heap;
 * unless {@code org.bytedeco.javacpp.maxbytes} / {@code maxphysicalbytes} are set, they become 3/4 of the
 * machine's memory (native arrays) and 9/10 of it (the whole process).
 */
final class Nd4jRuntime {
    static final String JAVACPP_CACHE_PROPERTY = "org.bytedeco.javacpp.cachedir";
    static final String JAVACPP_MAX_BYTES = "org.bytedeco.javacpp.maxbytes";
    static final String JAVACPP_MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxphysicalbytes";
    /** DL4J creates its layer helpers only when this is "false" (it defaults to "true" in 1.0.0-M2.1). */
    static final String HELPERS_DISABLE_PROPERTY = DL4JSystemProperties.DISABLE_HELPER_PROPERTY;

    private static boolean started;

    private Nd4jRuntime() {}

    /**
     * Loads ND4J (once) and applies the thread count; fails with an explanation when the backend on the
     * classpath is not the requested device.
     *
     * @return the device in use, {@code cpu} or {@code gpu(0)}
     */
    static synchronized String start(String device, int threads) {
        String requested = device == null ? "auto" : device.trim().toLowerCase(Locale.ROOT);
        if (!requested.equals("auto") && !requested.equals("cpu") && !requested.equals("gpu")) {
            throw new IllegalArgumentException("dl4j backend: device must be auto, cpu or gpu, got '" + device + "'");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (engine default) or more, got " + threads);
        }
        if (!started) {
            if (System.getProperty(JAVACPP_CACHE_PROPERTY) == null) {
                System.setProperty(JAVACPP_CACHE_PROPERTY,
                        cacheDirectory(System.getenv(), System.getProperties()).toString());
            }
            long memory = physicalMemory();
            if (memory > 0 && System.getProperty(JAVACPP_MAX_BYTES) == null) {
                System.setProperty(JAVACPP_MAX_BYTES, Long.toString(Math.max(memory / 4 * 3,
                        Runtime.getRuntime().maxMemory())));
            }
            if (memory > 0 && System.getProperty(JAVACPP_MAX_PHYSICAL_BYTES) == null) {
                System.setProperty(JAVACPP_MAX_PHYSICAL_BYTES, Long.toString(memory / 10 * 9));
            }
            started = true;
        }
        boolean cuda = isCuda();
        if (requested.equals("cpu") && cuda) {
            throw new IllegalArgumentException("dl4j backend: device 'cpu' was requested but ND4J loaded its CUDA "
                    + "backend (this backend was built with -Pcuda); use device 'gpu' or 'auto', or a CPU build");
        }
        if (requested.equals("gpu") && !cuda) {
            throw new IllegalArgumentException("dl4j backend: device 'gpu' was requested but only ND4J's CPU backend "
                    + "(nd4j-native) is on the classpath; build backend-dl4j with -Pcuda (CUDA 11.6) for a GPU");
        }
        if (threads > 0) {
            Nd4j.getEnvironment().setMaxThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        }
        return cuda ? "gpu(0)" : "cpu";
    }

    /** Total memory of the machine, or 0 when the JVM cannot tell. */
    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    /** The JavaCPP cache to use when none is configured. */
    static Path cacheDirectory(Map<String, String> env, Properties properties) {
        return CacheDirs.resolve("javacpp", env, properties);
    }

    static boolean isCuda() {
        return "CUDA".equalsIgnoreCase(backendName());
    }

    private static String backendName() {
        return String.valueOf(Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend"));
    }

    /**
     * Runs {@code action} (a network's {@code init()}, where DL4J decides per layer whether to use a
     * oneDNN / cuDNN helper) with DL4J's helpers switched on or off.
     */
    static synchronized <T> T withLayerHelpers(boolean enabled, Supplier<T> action) {
        String previous = System.getProperty(HELPERS_DISABLE_PROPERTY);
        System.setProperty(HELPERS_DISABLE_PROPERTY, Boolean.toString(!enabled));
        try {
            return action.get();
        } finally {
            if (previous == null) System.clearProperty(HELPERS_DISABLE_PROPERTY);
            else System.setProperty(HELPERS_DISABLE_PROPERTY, previous);
        }
    }

    /** Whether DL4J's oneDNN helper check passes (it does with the {@code Nd4jCpu} shim on the classpath). */
    static boolean oneDnnHelpersAvailable() {
        return !isCuda() && BaseMKLDNNHelper.mklDnnEnabled();
    }

    /** {@code Deeplearning4j 1.0.0-M2.1}, read from the jar's Maven metadata. */
    static String frameworkVersion() {
        return "Deeplearning4j " + mavenVersion("org.deeplearning4j", "deeplearning4j-nn");
    }

    /** The native backend, for example {@code libnd4j 1.0.0-M2.1 CPU (oneDNN, OpenBLAS)}. */
    static String nativeVersion() {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String artifact = isCuda() ? "nd4j-cuda-11.6" : "nd4j-native";
        StringBuilder sb = new StringBuilder("libnd4j ").append(mavenVersion("org.nd4j", artifact)).append(' ')
                .append(backendName());
        String build = buildInfo();
        boolean onednn = build.contains("ONEDNN") || build.contains("MKLDNN");
        String blas = env.getProperty("blas.vendor");
        sb.append(" (").append(onednn ? "oneDNN" : "no oneDNN");
        if (blas != null) sb.append(", ").append(blas);
        return sb.append(')').toString();
    }

    private static String buildInfo() {
        try {
            String info = NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo();
            return info == null ? "" : info;
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
    }

    /** The configuration a result should record: what is actually in effect, read back from ND4J. */
    static Map<String, String> configuration(Dl4jSettings settings, boolean helpersInUse) {
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        NativeOps ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        Map<String, String> c = new LinkedHashMap<>();
        c.put("onednn", Boolean.toString(settings.onednn()));
        c.put("gc_interval_ms", Integer.toString(settings.gcIntervalMs()));
        c.put("onednn_3x3_backward", Boolean.toString(settings.oneDnn3x3Backward()));
        c.put("layer_helpers", helpersInUse ? (isCuda() ? "cudnn" : "onednn") : "off (DL4J built-in layers)");
        c.put("nd4j.helpers_allowed", Boolean.toString(Nd4j.getEnvironment().helpersAllowed()));
        c.put("workspace_mode", "ENABLED (training and inference)");
        c.put("optimizer", "torch.optim.Adam semantics (TorchAdam on ND4J arrays, not DL4J's Adam)");
        c.put("batch_norm", "PyTorch running statistics (unbiased variance), decay = 1 - momentum");
        c.put("loss", "PyTorch cross-entropy on logits (TorchCrossEntropy)");
        c.put("data_type", "FLOAT");
        c.put("threads.max", Integer.toString(Nd4j.getEnvironment().maxThreads()));
        c.put("threads.omp", Integer.toString(ops.ompGetMaxThreads()));
        c.put("cores", String.valueOf(env.get("cores")));
        c.put("omp_wait_policy", String.valueOf(System.getenv("OMP_WAIT_POLICY")));
        c.put("javacpp.cachedir", String.valueOf(System.getProperty(JAVACPP_CACHE_PROPERTY)));
        c.put("javacpp.maxbytes", String.valueOf(org.bytedeco.javacpp.Pointer.maxBytes()));
        c.put("javacpp.maxphysicalbytes", String.valueOf(org.bytedeco.javacpp.Pointer.maxPhysicalBytes()));
        c.put("native_build", buildInfo().replaceAll("\\s+", " ").trim());
        return c;
    }

    private static String mavenVersion(String group, String artifact) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Nd4jRuntime.class.getResourceAsStream(resource)) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
