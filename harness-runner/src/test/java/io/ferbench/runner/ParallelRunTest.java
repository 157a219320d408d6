package io.ferbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.suite.SuitePlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** --parallel N: N cells at once, each in its own worker, sharing the cores; a resume with another N is refused. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ParallelRunTest {
    @TempDir Path out;

    @Test
    void twoCellsRunAtOnceEachWithItsShareOfTheCores() {
        SuitePlan plan = TinySuites.plan("parallel", "djl", List.of(1, 2, 3));
        RunSummary s = new Coordinator(TinySuites.options(out).withParallel(2), List.of()).run(plan);
        assertEquals(3, s.ran());
        for (CellResult r : s.results()) {
            assertEquals(CellStatus.OK, r.status(), r.error());
        }
        // TinySuites sets threads: 1, which a parallel run keeps; the share applies to cells that leave it open
        assertEquals(1, s.results().get(0).cell().execution().threads());
        CellResult a = s.results().get(0);
        CellResult b = s.results().get(1);
        assertTrue(Instant.parse(b.startedAt()).isBefore(Instant.parse(a.finishedAt()))
                && Instant.parse(a.startedAt()).isBefore(Instant.parse(b.finishedAt())),
                "the first two cells ran at the same time: " + a.startedAt() + "–" + a.finishedAt() + " and "
                        + b.startedAt() + "–" + b.finishedAt());
    }

    @Test
    void aCellThatLeavesThreadsOpenGetsCoresOverN() {
        SuitePlan plan = TinySuites.plan("share", "djl", List.of(1));
        RunOptions options = TinySuites.options(out).withParallel(2);
        var open = plan.cells().get(0).withThreads(0);
        int expected = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        assertEquals(expected, options.effective(open).execution().threads());
        assertEquals(0, options.withParallel(1).effective(open).execution().threads(),
                "one at a time leaves the backend its default");
        assertThrows(IllegalArgumentException.class, () -> options.withParallel(0));
    }
}
