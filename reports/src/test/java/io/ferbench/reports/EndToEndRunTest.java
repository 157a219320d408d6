package io.ferbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.worker.env.CacheDirectory;
import io.ferbench.runner.Coordinator;
import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.ProgressEvent;
import io.ferbench.runner.RunListener;
import io.ferbench.runner.RunOptions;
import io.ferbench.runner.RunRefusedException;
import io.ferbench.runner.RunSummary;
import io.ferbench.api.cell.Cell;
import io.ferbench.suite.SuitePlan;
import io.ferbench.suite.Suites;
import io.ferbench.worker.train.InferenceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first end-to-end run: a three-cell suite trained for real (DJL, tiny synthetic faces) through
 * forked workers, interrupted after one worker is killed with SIGKILL mid-epoch, then resumed.
 */
class EndToEndRunTest {
    private static final String SUITE = """
            name: e2e
            datasets:
              tiny:
                kind: synthetic
                classes: [angry, happy, sad]
                images_per_class: 10
                seed: 3
            matrix:
              architecture: shufflenet_v2_x0_5
              backend: djl
              device: cpu
              threads: 1
              image_size: 24
              batch_size: 8
              epochs: 2
              seed: [1, 2, 3]
              target_accuracy: 0.3
            timeout_minutes: 5
            """;

    @TempDir Path out;

    private RunOptions options() {
        return RunOptions.defaults(out)
                .withCache(new CacheDirectory(Path.of(System.getProperty("java.io.tmpdir"), "ferbench-cache")))
                .withDataRoot(out).withInference(new InferenceSettings(1, 5, 2, 20)).withWorkerHeap("1g");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void killedWorkerFailsItsCellAndResumeRunsOnlyWhatIsUnfinished() throws Exception {
        SuitePlan plan = Suites.plan(SUITE, "e2e.yaml");
        List<String> ids = plan.cells().stream().map(Cell::id).toList();
        assertEquals(3, ids.size());

        // first run: cell 0 trains; cell 1's worker is killed (SIGKILL) at its first step; then Ctrl-C
        AtomicReference<Coordinator> first = new AtomicReference<>();
        AtomicReference<ProcessHandle> worker = new AtomicReference<>();
        RunListener killer = new RunListener() {
            @Override public void workerStarted(Cell cell, ProcessHandle handle) {
                worker.set(handle);
            }

            @Override public void progress(Cell cell, ProgressEvent e) {
                if (cell.id().equals(ids.get(1)) && e.kind() == ProgressEvent.Kind.STEP) worker.get().destroyForcibly();
            }

            @Override public void cellFinished(CellResult r, List<CellResult> all) {
                if (r.cellId().equals(ids.get(1))) first.get().cancel();
            }
        };
        first.set(new Coordinator(options(), List.of(new ReportingListener(), killer)));
        RunSummary interrupted = first.get().run(plan);

        assertTrue(interrupted.interrupted());
        assertEquals(2, interrupted.ran());
        CellResult ok = interrupted.results().get(0);
        CellResult killed = interrupted.results().get(1);
        assertEquals(CellStatus.OK, ok.status(), ok.error());
        assertEquals(CellStatus.FAILED, killed.status());
        assertTrue(killed.error().contains("killed by signal 9 (SIGKILL"), killed.error());
        assertFalse(Files.exists(interrupted.layout().resultFile(ids.get(2))), "cell 2 never started");
        List<CSVRecord> rows = ReportFilesTest.readCsv(interrupted.layout().resultsCsv());
        assertEquals(List.of("ok", "failed"), rows.stream().map(r -> r.get("status")).toList(),
                "results.csv is up to date after the interruption");
        String okFinishedAt = JsonFiles.read(interrupted.layout().resultFile(ids.get(0)), CellResult.class).finishedAt();

        // a second run into the same folder must not overwrite anything
        RunRefusedException refused = assertThrows(RunRefusedException.class,
                () -> new Coordinator(options(), List.of()).run(plan));
        assertTrue(refused.getMessage().contains("--resume") && refused.getMessage().contains("--out"),
                refused.getMessage());

        // resume: the failed cell is retried, the missing one runs, the finished one is kept
        List<String> started = new ArrayList<>();
        RunListener recorder = new RunListener() {
            @Override public void cellStarted(Cell cell, int position, int count) {
                started.add(cell.id());
            }
        };
        RunSummary resumed = new Coordinator(options().withResume(true), List.of(new ReportingListener(), recorder))
                .run(plan);
        assertEquals(List.of(ids.get(1), ids.get(2)), started);
        assertEquals(1, resumed.kept());
        assertTrue(resumed.allOk(), resumed.results().toString());
        assertEquals(okFinishedAt,
                JsonFiles.read(resumed.layout().resultFile(ids.get(0)), CellResult.class).finishedAt(),
                "the kept cell's result is untouched");

        // every metric column of every row is filled
        rows = ReportFilesTest.readCsv(resumed.layout().resultsCsv());
        assertEquals(ids, rows.stream().map(r -> r.get("cell_id")).toList());
        for (CSVRecord row : rows) {
            assertEquals("ok", row.get("status"));
            for (String column : ResultsTable.headers()) {
                // a target may not be reached in two epochs of a tiny network
                boolean mayBeEmpty = List.of("error", "diverged_epoch", "diverged_step", "backend_settings",
                        "epochs_to_target", "time_to_target_s").contains(column);
                assertTrue(mayBeEmpty || !row.get(column).isEmpty(), row.get("cell_id") + " leaves " + column + " empty");
            }
            double accuracy = Double.parseDouble(row.get("test_accuracy"));
            assertTrue(accuracy >= 0 && accuracy <= 1);
            assertEquals("cpu", row.get("device"));
            // issue 16: the share is of DJL's own measured matrix product (its faster kernel), and the harness's part of a step is known
            assertEquals("measured:djl", row.get("peak_source"));
            assertTrue(List.of("matrix multiply", "1x1 convolution").contains(row.get("peak_kernel")),
                    "the kernel that reached the peak: " + row.get("peak_kernel"));
            double share = Double.parseDouble(row.get("peak_share"));
            assertTrue(share > 0 && share < 1, "a share of a measured peak: " + share);
            double overhead = Double.parseDouble(row.get("harness_overhead_share"));
            assertTrue(overhead >= 0 && overhead < 1, "harness overhead " + overhead);
            assertEquals("0.3", row.get("target_accuracy"));
            if (!row.get("epochs_to_target").isEmpty()) {
                assertTrue(Double.parseDouble(row.get("time_to_target_s")) > 0);
            }
        }
        List<CSVRecord> history = ReportFilesTest.readCsv(resumed.layout().historyCsv());
        assertEquals(6, history.size(), "3 cells × 2 epochs");
        for (CSVRecord epoch : history) {
            for (String column : List.of("rss_mib", "heap_mib", "step_s", "data_s")) {
                assertFalse(epoch.get(column).isEmpty(), "history.csv " + column);
            }
            assertTrue(epoch.get("native_mib").isEmpty(), "DJL exposes no native allocation count");
        }
        for (String id : ids) assertTrue(Files.isRegularFile(resumed.layout().cellHistoryCsv(id)));
        String html = Files.readString(resumed.layout().reportHtml());
        assertTrue(html.contains("3 cells: 3 ok, 0 diverged, 0 failed"), html);
    }
}
