package io.ferbench.runner;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.result.CellResult;
import io.ferbench.suite.SuitePlan;
import io.ferbench.worker.CellResults;
import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.RunLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a run may do in a folder that holds results: a fresh run refuses (nothing is overwritten), a resume keeps the
 * finished cells only when each would compute the same thing again — the same cell and the same inputs. The local
 * coordinator and the cluster executors' staging apply the same rule.
 */
public final class ResumeGuard {
    private ResumeGuard() {}

    /** The result of each planned cell that has a readable result file. */
    public static Map<String, CellResult> previousResults(RunLayout layout, List<Cell> cells) {
        Map<String, CellResult> found = new LinkedHashMap<>();
        for (Cell cell : cells) {
            Path file = layout.resultFile(cell.id());
            if (!Files.isRegularFile(file)) continue;
            try {
                found.put(cell.id(), CellResults.read(file));
            } catch (RuntimeException e) {
                // results are written atomically, so this is damage from outside; the cell runs again
                System.err.println("warning: ignoring unreadable result " + file + ": " + e.getMessage());
            }
        }
        return found;
    }

    /**
     * @throws RunRefusedException when the folder holds results and this is not a resume, or when a kept cell's
     *                             settings or inputs changed (naming only what changed); cells {@code rerun}
     *                             accepts run again ({@code --rerun}), so their old settings do not matter
     */
    public static void checkMayStart(RunOptions options, RunLayout layout, SuitePlan plan,
                                     Map<String, CellResult> previous, Predicate<CellResult> rerun) {
        if (!options.resume()) {
            long existing = countResultFiles(layout);
            if (existing > 0) {
                throw new RunRefusedException(layout.suiteDir() + " already holds the results of a previous run of "
                        + "suite '" + plan.name() + "' (" + existing + " cell results). Nothing there is overwritten: "
                        + "run again with --resume to keep the finished cells and run only the missing and failed "
                        + "ones, or choose another folder with --out.");
            }
            return;
        }
        Map<DatasetSpec, String> datasetDigests = new HashMap<>();
        for (Cell cell : plan.cells()) {
            CellResult before = previous.get(cell.id());
            if (before == null || !before.status().isFinished() || rerun.test(before)) continue;
            List<String> changed = new ArrayList<>(CellResults.differences(before.cell(), cell));
            Path inputsFile = layout.inputsFile(cell.id());
            if (changed.isEmpty() && Files.isRegularFile(inputsFile)) {
                CellInputs recorded = JsonFiles.read(inputsFile, CellInputs.class);
                changed.addAll(inputsOf(options, cell, layout, datasetDigests).changesSince(recorded, cell));
            }
            if (!changed.isEmpty()) {
                throw new RunRefusedException("cannot resume in " + layout.suiteDir() + ": cell " + cell.id()
                        + " finished there with other settings or inputs: " + String.join("; ", changed)
                        + ". Run the changed suite with another --out.");
            }
        }
    }

    /** The cell's inputs now; a dataset's digest (a walk of its folder) is computed once per dataset. */
    static CellInputs inputsOf(RunOptions options, Cell cell, RunLayout layout,
                               Map<DatasetSpec, String> datasetDigests) {
        String dataset = datasetDigests.computeIfAbsent(cell.dataset(),
                d -> CellInputs.datasetDigest(d, options.dataRoot()));
        return CellInputs.of(cell, options.dataRoot(), layout.cellsDir(), dataset);
    }

    private static long countResultFiles(RunLayout layout) {
        if (!Files.isDirectory(layout.cellsDir())) return 0;
        try (Stream<Path> dirs = Files.list(layout.cellsDir())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve(RunLayout.RESULT_FILE))).count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + layout.cellsDir() + ": " + e.getMessage(), e);
        }
    }
}
