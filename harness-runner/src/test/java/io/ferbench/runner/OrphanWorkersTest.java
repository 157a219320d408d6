package io.ferbench.runner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A cell never gets a second worker while the first, an orphan of a killed coordinator, still runs. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class OrphanWorkersTest {
    @TempDir Path dir;

    @Test
    void aWorkerThatOutlivedItsCoordinatorIsEndedBeforeTheCellStartsAgain() throws Exception {
        Process orphan = new ProcessBuilder("sleep", "300").start();
        Path pidFile = dir.resolve("worker.pid");
        OrphanWorkers.record(pidFile, orphan.toHandle());
        OrphanWorkers.stop(pidFile, 1);
        assertTrue(orphan.waitFor(5, TimeUnit.SECONDS), "the orphan must be gone before the cell starts again");
        assertFalse(Files.exists(pidFile));
    }

    @Test
    void aPidFileOfAFinishedWorkerOnlyGoesAway() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        Path pidFile = dir.resolve("worker.pid");
        OrphanWorkers.record(pidFile, done.toHandle());
        long start = System.nanoTime();
        OrphanWorkers.stop(pidFile, 30);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "nothing to wait for");
        assertFalse(Files.exists(pidFile));
    }
}
