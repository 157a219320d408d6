package io.ferbench.worker.env;

import io.ferbench.api.result.EnvironmentInfo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Describes the machine and JVM a cell runs on (the backend adds its own part later). */
public final class EnvironmentProbe {
    /** Environment variables that change how native engines use threads, recorded when set. */
    static final List<String> THREAD_VARIABLES = List.of("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "MKL_NUM_THREADS",
            "OPENBLAS_NUM_THREADS", "TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS", "TF_ENABLE_ONEDNN_OPTS",
            "CUDA_VISIBLE_DEVICES");

    private EnvironmentProbe() {}

    /** @param requestedThreads the intra-op threads the cell asked its backend for (0: engine default) */
    public static EnvironmentInfo capture(int requestedThreads) {
        Map<String, String> threads = new LinkedHashMap<>();
        threads.put("requested_threads", requestedThreads == 0 ? "engine default" : Integer.toString(requestedThreads));
        for (String name : THREAD_VARIABLES) {
            String value = System.getenv(name);
            if (value != null) threads.put(name, value);
        }
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version",
                System.getProperty("java.version"));
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        return new EnvironmentInfo(cpuModel(), Runtime.getRuntime().availableProcessors(), memoryMb(), jvm, os,
                threads, null, gpus(Path.of("/proc/driver/nvidia/gpus")));
    }

    /**
     * The model names of the NVIDIA GPUs the driver lists under {@code gpusDir} (one folder per GPU, each with
     * an {@code information} file), in bus order; empty without the driver. Reading the driver's files costs
     * no process start, unlike {@code nvidia-smi}.
     */
    static List<String> gpus(Path gpusDir) {
        if (!Files.isDirectory(gpusDir)) return List.of();
        List<String> names = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(gpusDir)) {
            for (Path dir : dirs.sorted().toList()) {
                Path info = dir.resolve("information");
                if (!Files.isReadable(info)) continue;
                String model = field(Files.readAllLines(info), "Model");
                if (model != null) names.add(model);
            }
        } catch (IOException e) {
            // a driver folder that cannot be read means no GPU we can name
        }
        return names;
    }

    /** The processor's model name from {@code /proc/cpuinfo}, or the architecture where that is absent. */
    static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                String model = cpuModel(Files.readAllLines(cpuinfo));
                if (model != null) return model;
            } catch (IOException e) {
                // fall through to the architecture
            }
        }
        return "unknown (" + System.getProperty("os.arch") + ")";
    }

    static String cpuModel(List<String> cpuinfoLines) {
        // x86 says "model name"; some ARM kernels say "Model" or "Hardware"
        return field(cpuinfoLines, "model name", "Model", "Hardware");
    }

    /** The first non-empty value of one of {@code keys} in {@code key: value} lines, blanks collapsed; or null. */
    private static String field(List<String> lines, String... keys) {
        List<String> wanted = List.of(keys);
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            if (wanted.contains(line.substring(0, colon).trim())) {
                String value = line.substring(colon + 1).trim();
                if (!value.isEmpty()) return value.replaceAll("\\s+", " ");
            }
        }
        return null;
    }

    /** This machine's name as the network knows it, else {@code $HOSTNAME}, else "unknown host". */
    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "unknown host" : env;
        }
    }

    /** Physical memory (or the container's limit, which the JVM reports instead) in MiB; 0 if unknown. */
    public static long memoryMb() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024 * 1024);
        }
        return 0;
    }
}
