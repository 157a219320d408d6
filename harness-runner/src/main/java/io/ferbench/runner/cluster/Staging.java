package io.ferbench.runner.cluster;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.result.CellResult;
import io.ferbench.runner.ResumeGuard;
import io.ferbench.runner.RunFolderLock;
import io.ferbench.runner.RunOptions;
import io.ferbench.suite.SuitePlan;
import io.ferbench.worker.AtomicFiles;
import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.RunLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stages a run for a cluster: the run folder gets the suite, every cell's request ({@code cells/<id>/cell.json}) and
 * the index table ({@link StagedRun}), so that any task that can see the folder runs cell {@code i} with nothing but
 * its index. Staging applies the local runner's rules: a folder with results is only resumed, and a resumed cell
 * whose settings changed is refused.
 */
public final class Staging {
    private Staging() {}

    /**
     * What was staged.
     *
     * @param run     the index table
     * @param layout  the run folder
     * @param pending task indices of the cells still to run (no ok or diverged result yet)
     * @param cells   the cells by task index, as their {@code cell.json} files hold them
     */
    public record Staged(StagedRun run, RunLayout layout, List<Integer> pending, List<Cell> cells) {}

    public static Staged stage(SuitePlan plan, RunOptions options) {
        RunLayout layout = RunLayout.of(options.outDir(), plan.name());
        try (RunFolderLock lock = RunFolderLock.acquire(layout.lockFile(), "the staging of suite '" + plan.name()
                + "' for a cluster")) {
            Map<String, CellResult> previous = ResumeGuard.previousResults(layout, plan.cells());
            ResumeGuard.checkMayStart(options, layout, plan, previous, r -> false);
            Files.createDirectories(layout.cellsDir());
            if (plan.yaml() != null) AtomicFiles.writeString(layout.suiteCopy(), plan.yaml());
            List<String> ids = new ArrayList<>();
            List<Integer> pending = new ArrayList<>();
            for (Cell cell : plan.cells()) {
                CellResult before = previous.get(cell.id());
                if (before == null || !before.status().isFinished()) {
                    pending.add(ids.size());
                    // a failed attempt is retried, as the local runner retries it: its result goes when it is
                    // resubmitted, so that a finished result always means this attempt's
                    Files.deleteIfExists(layout.resultFile(cell.id()));
                }
                JsonFiles.write(layout.requestFile(cell.id()), options.requestFor(cell, layout), true);
                ids.add(cell.id());
            }
            StagedRun run = new StagedRun(plan.name(), ids, waves(plan.cells()), options.workerHeap(),
                    options.workerJvmArgs(), options.cellTimeoutSeconds());
            run.write(layout.suiteDir());
            return new Staged(run, layout, pending, plan.cells());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the run in " + layout.suiteDir() + ": " + e.getMessage(), e);
        }
    }

    /** Per cell, how many checkpoint sources precede it (the plan lists sources first). */
    static List<Integer> waves(List<Cell> cells) {
        Map<String, Integer> wave = new HashMap<>();
        List<Integer> waves = new ArrayList<>();
        for (Cell cell : cells) {
            String source = cell.network().init().sourceCell();
            int w = source == null ? 0 : wave.getOrDefault(source, 0) + 1;
            wave.put(cell.id(), w);
            waves.add(w);
        }
        return waves;
    }
}
