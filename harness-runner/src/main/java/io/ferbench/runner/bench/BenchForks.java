package io.ferbench.runner.bench;

import io.ferbench.runner.WorkerExit;
import io.ferbench.runner.WorkerLauncher;
import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.bench.BenchMain;
import io.ferbench.worker.bench.BenchParams;
import io.ferbench.worker.bench.ForkRequest;
import io.ferbench.worker.bench.ForkResult;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the forks of one benchmark one after another (never two at once: they would share the cores), each a fresh
 * JVM in its own folder {@code <dir>/<params id>/fork-<n>/} holding {@code request.json}, {@code result.json},
 * {@code stdout.log} and {@code stderr.log}. A fork that runs longer than its time limit is killed and fails, as a
 * cell's worker does.
 */
public final class BenchForks {
    private final WorkerLauncher launcher;
    private final Path dir;
    private final Duration forkTimeout;

    /** Forks started by {@code launcher}, in folders under {@code dir}, each killed after {@code forkTimeout}. */
    public BenchForks(WorkerLauncher launcher, Path dir, Duration forkTimeout) {
        if (forkTimeout.isNegative() || forkTimeout.isZero()) {
            throw new IllegalArgumentException("a fork's time limit must be positive, got " + forkTimeout);
        }
        this.launcher = launcher;
        this.dir = dir.toAbsolutePath().normalize();
        this.forkTimeout = forkTimeout;
    }

    /**
     * Every fork's result, in fork order; {@code output} gets each line a fork prints (its iterations).
     *
     * @throws BenchFailedException when a fork ends without a result, with the reason and its stderr's last lines
     */
    public List<ForkResult> run(BenchParams params, Consumer<String> output) {
        List<ForkResult> results = new ArrayList<>();
        for (int fork = 1; fork <= params.forks(); fork++) results.add(runFork(new ForkRequest(params, fork), output));
        return results;
    }

    private ForkResult runFork(ForkRequest request, Consumer<String> output) {
        Path forkDir = dir.resolve(request.params().id()).resolve("fork-" + request.fork());
        Path requestFile = forkDir.resolve("request.json");
        Path resultFile = forkDir.resolve("result.json");
        Path stderr = forkDir.resolve("stderr.log");
        try {
            Files.createDirectories(forkDir);
            Files.deleteIfExists(resultFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + forkDir + ": " + e.getMessage(), e);
        }
        JsonFiles.write(requestFile, request, true);
        List<String> command = launcher.command(request.params().backend(), BenchMain.class.getName(),
                List.of(requestFile.toString(), resultFile.toString()));
        String what = "benchmark " + request.params().id() + " fork " + request.fork();
        Process process = launcher.start(request.params().backend(), command, forkDir, stderr, what);
        Thread reader = new Thread(() -> copyOutput(process, forkDir.resolve("stdout.log"), output),
                "ferbench-bench-output");
        reader.setDaemon(true);
        reader.start();
        boolean timedOut;
        try {
            timedOut = !process.waitFor(forkTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (timedOut) kill(process);
            process.waitFor();
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new BenchFailedException(what + " was interrupted");
        }
        if (!timedOut && process.exitValue() == 0 && Files.isRegularFile(resultFile)) {
            return JsonFiles.read(resultFile, ForkResult.class);
        }
        throw new BenchFailedException(what + " failed: " + WorkerExit.describe("the fork", process.exitValue(),
                timedOut ? forkTimeout.toSeconds() : 0, stderr, forkDir));
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Until the fork's output ends (it exits): each line to the log and to {@code output}. */
    private static void copyOutput(Process process, Path log, Consumer<String> output) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                output.accept(line);
            }
        } catch (IOException e) {
            // the pipe closes when the fork dies; its exit status and stderr.log tell why
        }
    }

    /** A fork that ended without a result; the message says why. */
    public static final class BenchFailedException extends RuntimeException {
        public BenchFailedException(String message) {
            super(message);
        }
    }
}
