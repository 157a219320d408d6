package io.ferbench.runner.cluster;

import io.ferbench.api.cell.Cell;
import io.ferbench.runner.Coordinator;
import io.ferbench.runner.RunListener;
import io.ferbench.runner.RunOptions;
import io.ferbench.runner.RunSummary;
import io.ferbench.suite.SuitePlan;
import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.RunLayout;
import io.ferbench.worker.WorkerRequest;
import io.ferbench.worker.env.CacheDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One scheduled task: runs cell {@code index} of a staged run, in a forked worker JVM as the local runner does (same
 * classpath separation, timeout, logs), and writes its result atomically into the shared run folder. A cell that
 * already has a finished result with the same settings is kept (the task does nothing); a second task on the same
 * cell is refused by the cell's lock; a task cancelled by its scheduler records the cell as failed, cancelled.
 */
public final class CellTask {
    /** Environment variables that carry a task's index, as the schedulers set them. */
    public static final List<String> INDEX_VARIABLES = List.of("JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID");

    private CellTask() {}

    /** The index given, else the scheduler's variable; an error that names both when neither is there. */
    public static int index(Integer given, Map<String, String> environment) {
        if (given != null) return given;
        for (String variable : INDEX_VARIABLES) {
            String value = environment.get(variable);
            if (value == null || value.isBlank()) continue;
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(variable + "='" + value + "' is not a task index");
            }
        }
        throw new IllegalArgumentException("no task index: give --index I, or run it as a task of a Slurm job array "
                + "(SLURM_ARRAY_TASK_ID) or a Kubernetes Indexed Job (JOB_COMPLETION_INDEX)");
    }

    /** Runs the task; the summary holds the cell's result (kept or new). */
    public static RunSummary run(Path runDir, int index, List<RunListener> listeners) {
        Path dir = runDir.toAbsolutePath().normalize();
        StagedRun staged = StagedRun.read(dir);
        String cellId = staged.cellAt(index);
        RunLayout layout = staged.layout(dir);
        if (!dir.getFileName().toString().equals(staged.suite())) {
            throw new IllegalArgumentException(dir + " holds suite '" + staged.suite() + "' but is named otherwise; a "
                    + "run folder keeps its suite's name");
        }
        Path requestFile = layout.requestFile(cellId);
        if (!Files.isRegularFile(requestFile)) {
            throw new IllegalArgumentException("cell " + cellId + " (index " + index + ") has no " + requestFile
                    + "; stage the run again");
        }
        WorkerRequest request = JsonFiles.read(requestFile, WorkerRequest.class);
        Cell cell = request.cell();
        SuitePlan plan = new SuitePlan(staged.suite(), null, null, null, List.of(cell),
                Map.of(cell.dataset().name(), cell.dataset()));
        RunOptions options = RunOptions.defaults(dir.getParent())
                .withDataRoot(Path.of(request.dataRoot())).withCache(new CacheDirectory(Path.of(request.cacheRoot())))
                .withPeakGflops(request.givenPeakGflops()).withInference(request.inference())
                .withFeatureSample(request.featureSample()).withWorkerHeap(staged.workerHeap())
                .withWorkerJvmArgs(staged.workerJvmArgs()).withShutdownHook(true);
        options = Optional.ofNullable(staged.cellTimeoutSeconds()).map(options::withCellTimeoutSeconds)
                .orElse(options);
        return Coordinator.forTask(options, listeners).run(plan);
    }
}
