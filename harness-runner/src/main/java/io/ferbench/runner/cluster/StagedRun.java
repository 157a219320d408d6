package io.ferbench.runner.cluster;

import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.RunLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The index table of a staged run ({@code staged.json} in the run folder): which cell each task index runs, and the
 * worker settings every task applies. Each cell's own request is its {@code cells/<id>/cell.json}.
 *
 * @param suite              the suite's name (the run folder's name)
 * @param cells              cell ids by task index, dependencies first
 * @param waves              per index, how many checkpoint sources come before the cell (0 for most): a wave starts
 *                           when the one before it has ended
 * @param workerHeap         -Xmx of each worker JVM, or null for the default
 * @param workerJvmArgs      further JVM options for the worker
 * @param cellTimeoutSeconds overrides each cell's own time limit when not null
 */
public record StagedRun(String suite, List<String> cells, List<Integer> waves, String workerHeap,
                        List<String> workerJvmArgs, Long cellTimeoutSeconds) {
    public static final String FILE = "staged.json";

    public StagedRun {
        cells = List.copyOf(cells);
        waves = List.copyOf(waves);
        workerJvmArgs = workerJvmArgs == null ? List.of() : List.copyOf(workerJvmArgs);
    }

    /** Reads the table of the staged run in {@code runDir}, refusing a folder that was not staged. */
    public static StagedRun read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(runDir + " is not a staged run folder: it has no " + FILE + " (stage "
                    + "one with 'ferbench run SUITE --executor slurm|kubernetes --dry-run')");
        }
        return JsonFiles.read(file, StagedRun.class);
    }

    void write(Path runDir) {
        JsonFiles.write(runDir.resolve(FILE), this, true);
    }

    /** The cell id of task {@code index}, or an error that says the valid range. */
    public String cellAt(int index) {
        if (index < 0 || index >= cells.size()) {
            throw new IllegalArgumentException("task index " + index + " is out of range: this run has "
                    + cells.size() + " cells, indices 0 to " + (cells.size() - 1));
        }
        return cells.get(index);
    }

    public RunLayout layout(Path runDir) {
        return new RunLayout(runDir.toAbsolutePath().normalize());
    }

    /** The number of waves (1 when no cell starts from another cell's weights). */
    public int waveCount() {
        return waves.stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }
}
