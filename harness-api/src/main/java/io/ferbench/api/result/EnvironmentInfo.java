package io.ferbench.api.result;

import io.ferbench.api.backend.BackendInfo;
import java.util.List;
import java.util.Map;

/**
 * The machine and software a cell ran on.
 *
 * @param cpuModel        processor model name, or {@code unknown}
 * @param logicalCores    processors visible to the JVM
 * @param memoryMb        physical memory in MiB, or 0 when unknown
 * @param jvm             JVM name and version
 * @param os              operating system name, version and architecture
 * @param threadSettings  thread-related settings in effect (OMP_NUM_THREADS, OMP_WAIT_POLICY, requested threads...)
 * @param backend         the backend's own report (framework, native version, device, configuration), or
 *                        null when the backend could not be started
 * @param gpus            model names of the GPUs the machine has (whether the cell used one or not), empty
 *                        when it has none or they cannot be seen; results written before this field read as empty
 */
public record EnvironmentInfo(String cpuModel, int logicalCores, long memoryMb, String jvm, String os,
                              Map<String, String> threadSettings, BackendInfo backend, List<String> gpus) {
    public EnvironmentInfo {
        threadSettings = threadSettings == null ? Map.of() : Map.copyOf(threadSettings);
        gpus = gpus == null ? List.of() : List.copyOf(gpus);
    }

    /** Without GPU names (none seen). */
    public EnvironmentInfo(String cpuModel, int logicalCores, long memoryMb, String jvm, String os,
                           Map<String, String> threadSettings, BackendInfo backend) {
        this(cpuModel, logicalCores, memoryMb, jvm, os, threadSettings, backend, List.of());
    }

    public EnvironmentInfo withBackend(BackendInfo info) {
        return new EnvironmentInfo(cpuModel, logicalCores, memoryMb, jvm, os, threadSettings, info, gpus);
    }
}
