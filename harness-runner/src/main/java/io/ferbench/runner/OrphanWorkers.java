package io.ferbench.runner;

import io.ferbench.worker.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A cell's worker, as its {@code worker.pid} file records it while it runs. A coordinator that was killed cannot delete
 * the file; its worker ends by itself within a second or so ({@code ParentWatchdog}). Before a cell starts again
 * (a resume), a worker the file names that still runs is waited for and, failing that, killed: a cell never has two
 * workers, whose timings would skew each other. The run folder's lock guarantees that no live run owns it.
 */
final class OrphanWorkers {
    /** Longer than the worker's own watchdog takes to notice that its coordinator is gone. */
    private static final long GRACE_SECONDS = 10;

    private OrphanWorkers() {}

    static void record(Path pidFile, ProcessHandle worker) {
        AtomicFiles.writeString(pidFile, ProcessStamp.of(worker).text() + "\n");
    }

    static void forget(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            System.err.println("warning: could not remove " + pidFile + ": " + e.getMessage());
        }
    }

    /** Ends the worker {@code pidFile} names, if it still runs, and removes the file. */
    static void stop(Path pidFile) {
        stop(pidFile, GRACE_SECONDS);
    }

    static void stop(Path pidFile, long graceSeconds) {
        if (!Files.isRegularFile(pidFile)) return;
        Optional<ProcessHandle> orphan;
        try {
            orphan = ProcessStamp.parse(Files.readString(pidFile, StandardCharsets.UTF_8))
                    .flatMap(ProcessStamp::handle);
        } catch (IOException e) {
            orphan = Optional.empty();
        }
        orphan.ifPresent(worker -> {
            System.err.println("note: the worker of an earlier attempt at this cell (pid " + worker.pid()
                    + ") still runs; waiting for it to end before the cell starts again");
            try {
                worker.onExit().get(graceSeconds, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException stillRunning) {
                worker.descendants().forEach(ProcessHandle::destroyForcibly);
                worker.destroyForcibly();
                worker.onExit().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        forget(pidFile);
    }
}
