package io.ferbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.result.CellStatus;
import io.ferbench.suite.SuitePlan;
import io.ferbench.worker.RunLayout;
import io.ferbench.worker.env.EnvironmentProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One run per results folder: a live holder refuses the second, a dead one's lock is taken over. */
class RunFolderLockTest {
    @TempDir Path dir;

    @Test
    void aSecondRunIntoAHeldFolderIsRefusedNamingTheHolder() {
        Path file = dir.resolve("suite/run.lock");
        try (RunFolderLock held = RunFolderLock.acquire(file, "a run of suite 'first'")) {
            RunRefusedException e = assertThrows(RunRefusedException.class,
                    () -> RunFolderLock.acquire(file, "a run of suite 'second'"));
            assertTrue(e.getMessage().contains("is in use by another ferbench run: pid " + ProcessHandle.current().pid()
                    + " on " + EnvironmentProbe.hostName()) && e.getMessage().contains("a run of suite 'first'")
                    && e.getMessage().contains("choose another --out"), e.getMessage());
        }
        assertFalse(Files.exists(file), "released when the run ends");
        try (RunFolderLock again = RunFolderLock.acquire(file, "a run of suite 'second'")) {
            assertTrue(Files.exists(file));
        }
    }

    @Test
    void theLockOfARunThatDiedIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path file = dir.resolve("run.lock");
        Files.writeString(file, "pid=" + gone.pid() + "\nprocess_start=\nhost=" + EnvironmentProbe.hostName()
                + "\nsince=2026-01-01T00:00:00Z\ncommand=a run that was killed\n");
        try (RunFolderLock taken = RunFolderLock.acquire(file, "a run of suite 'next'")) {
            assertTrue(Files.readString(file).contains("pid=" + ProcessHandle.current().pid()));
            assertTrue(Files.exists(dir.resolve("run.lock.stale-" + gone.pid())), "the stale lock is kept aside");
        }
    }

    @Test
    void aLiveProcessWithTheHoldersPidButAnotherStartTimeIsNotTheHolder() throws Exception {
        Path file = dir.resolve("run.lock");
        Files.writeString(file, "pid=" + ProcessHandle.current().pid() + "\nprocess_start=2001-01-01T00:00:00Z\nhost="
                + EnvironmentProbe.hostName() + "\nsince=2001-01-01T00:00:00Z\ncommand=a run long gone\n");
        try (RunFolderLock taken = RunFolderLock.acquire(file, "a run of suite 'next'")) {
            assertTrue(Files.readString(file).contains("command=a run of suite 'next'"));
        }
    }

    @Test
    void aLockHeldOnAnotherMachineIsNeverJudgedStale() throws Exception {
        Path file = dir.resolve("run.lock");
        Files.writeString(file, "pid=1\nprocess_start=\nhost=node-17.cluster\nsince=2026-01-01T00:00:00Z\n"
                + "command=a run of suite 'big'\n");
        RunRefusedException e = assertThrows(RunRefusedException.class, () -> RunFolderLock.acquire(file, "x"));
        assertTrue(e.getMessage().contains("pid 1 on node-17.cluster") && e.getMessage().contains("delete " + file),
                e.getMessage());
        assertTrue(Files.readString(file).contains("node-17"), "someone else's lock is left alone");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void twoCoordinatorsIntoOneFolderCannotBothRun() throws Exception {
        SuitePlan plan = TinySuites.plan("busy", "djl", List.of(1));
        Path out = dir.resolve("out");
        Coordinator first = new Coordinator(TinySuites.options(out), List.of());
        CompletableFuture<RunSummary> running = CompletableFuture.supplyAsync(() -> first.run(plan));
        Path lock = RunLayout.of(out, plan.name()).lockFile();
        while (!Files.exists(lock) && !running.isDone()) Thread.sleep(20);
        RunRefusedException e = assertThrows(RunRefusedException.class,
                () -> new Coordinator(TinySuites.options(out).withResume(true), List.of()).run(plan));
        assertTrue(e.getMessage().contains("in use by another ferbench run"), e.getMessage());
        assertEquals(CellStatus.OK, running.get().results().get(0).status(), "the first run is not disturbed");
    }
}
