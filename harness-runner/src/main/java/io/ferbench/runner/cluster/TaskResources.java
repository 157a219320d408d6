package io.ferbench.runner.cluster;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.Device;
import io.ferbench.runner.RunOptions;
import io.ferbench.runner.WorkerHeap;
import java.util.List;

/**
 * What one task asks its scheduler for, from the cells it may run: CPUs (the cells' {@code threads}, 1 when they
 * leave it to the backend), memory (twice the worker heap, for the engine's native memory, plus the task's own JVM),
 * a time limit (the longest cell timeout plus start-up) and a GPU when a cell asks for one.
 *
 * @param cpus      CPUs per task
 * @param memoryMib memory per task
 * @param minutes   time limit per task, 0 for none
 * @param gpus      GPUs per task
 */
record TaskResources(int cpus, long memoryMib, long minutes, int gpus) {
    /** Start-up, dataset preparation and the task's own JVM, beyond the cell's training time limit. */
    private static final long MARGIN_SECONDS = 600;
    private static final long TASK_JVM_MIB = 512;

    static TaskResources of(List<Cell> cells, RunOptions options) {
        int cpus = Math.max(1, cells.stream().mapToInt(c -> c.execution().threads()).max().orElse(1));
        long memory = 2 * WorkerHeap.mebibytes(options.workerHeap()) + TASK_JVM_MIB;
        long[] timeouts = cells.stream().mapToLong(c -> options.effectiveTimeoutSeconds(c.execution()
                .timeoutSeconds())).toArray();
        boolean unlimited = timeouts.length == 0 || java.util.Arrays.stream(timeouts).anyMatch(t -> t <= 0);
        long minutes = unlimited ? 0
                : (java.util.Arrays.stream(timeouts).max().getAsLong() + MARGIN_SECONDS + 59) / 60;
        int gpus = cells.stream().anyMatch(c -> c.execution().device() == Device.GPU) ? 1 : 0;
        return new TaskResources(cpus, memory, minutes, gpus);
    }
}
