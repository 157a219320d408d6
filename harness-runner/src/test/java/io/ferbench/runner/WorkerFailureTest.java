package io.ferbench.runner;

import io.ferbench.worker.JsonFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.suite.SuitePlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Failures that happen in the forked worker end as failed results; the run goes on. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WorkerFailureTest {
    @TempDir Path out;

    @Test
    void aCellThatExceedsItsTimeoutIsKilledAndFailed() {
        SuitePlan plan = TinySuites.plan("timeout", "djl", List.of(1));
        StringWriter console = new StringWriter();
        RunSummary s = new Coordinator(TinySuites.options(out).withCellTimeoutSeconds(1L),
                List.of(new ConsoleProgress(new PrintWriter(console), false))).run(plan);
        CellResult r = s.results().get(0);
        assertEquals(CellStatus.FAILED, r.status());
        assertTrue(r.error().startsWith("timeout: the cell ran longer than its limit of 1 s"), r.error());
        assertEquals(1, r.cell().execution().timeoutSeconds());
        CellResult written = JsonFiles.read(s.layout().resultFile(r.cellId()), CellResult.class);
        assertEquals(r.error(), written.error());
        assertTrue(console.toString().contains("FAILED: timeout"), console.toString());
        assertTrue(Files.isRegularFile(s.layout().requestFile(r.cellId())));
    }

    @Test
    void anUnknownBackendFailsItsCellWithTheInstalledBackendsAndTheNextCellStillRuns() throws Exception {
        SuitePlan plan = TinySuites.withBackend(TinySuites.plan("unknown-backend", "djl", List.of(1, 2)), "onnx");
        RunSummary s = new Coordinator(TinySuites.options(out), List.of()).run(plan);
        assertEquals(2, s.results().size(), "the suite goes on after a failed cell");
        for (CellResult r : s.results()) {
            assertEquals(CellStatus.FAILED, r.status());
            assertTrue(r.error().contains("unknown backend 'onnx'") && r.error().contains("installed backends: djl"),
                    r.error());
        }
        assertEquals(2, s.count(CellStatus.FAILED));
        assertTrue(!s.allOk() && !s.interrupted());
        assertTrue(Files.readString(s.layout().suiteCopy()).contains("name: unknown-backend"));
    }
}
