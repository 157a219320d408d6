package io.ferbench.runner;

import io.ferbench.worker.AtomicFiles;
import io.ferbench.worker.CellResults;
import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.ProgressChannel;
import io.ferbench.worker.ProgressEvent;
import io.ferbench.worker.RunLayout;
import io.ferbench.worker.UnknownBackendException;
import io.ferbench.worker.WorkerRequest;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.DatasetSpec;
import java.util.ArrayList;
import java.util.HashMap;
import io.ferbench.suite.SuitePlan;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs the cells of a suite one after the other, each in its own worker JVM, and never loads a
 * backend itself.
 *
 * <ul>
 *   <li>Results go to {@code <out>/<suite name>/}. A run refuses to start in a folder that already
 *       holds results of a previous run unless it resumes: nothing a previous run finished is ever
 *       overwritten.</li>
 *   <li>Resume keeps cells whose result is {@code ok} or {@code diverged} and runs the others
 *       (failed cells are retried). It refuses when a kept cell's configuration changed.</li>
 *   <li>A worker that crashes, is killed, runs out of memory or exceeds the cell's timeout fails its
 *       cell, with the reason and the tail of its standard error; the suite goes on.</li>
 *   <li>{@link #cancel()} (the shutdown hook calls it on Ctrl-C) kills the running worker, records
 *       nothing for that cell, and ends the run with every finished result written.</li>
 * </ul>
 * A coordinator runs one suite once.
 */
public final class Coordinator {
    /** The JVM's exit status after SIGINT: a worker that got the terminal's Ctrl-C. */
    private static final int SIGINT_STATUS = 130;

    private final RunOptions options;
    private final List<RunListener> listeners;
    private final WorkerLauncher launcher;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean cancelled;
    private volatile Process current;
    private boolean used;
    /** Finished results that a resumed run runs again all the same ({@code --rerun}). */
    private Predicate<CellResult> rerun = result -> false;

    public Coordinator(RunOptions options, List<RunListener> listeners) {
        this(options, listeners, WorkerClasspath.detect());
    }

    public Coordinator(RunOptions options, List<RunListener> listeners, WorkerClasspath classpath) {
        this.options = options;
        this.listeners = List.copyOf(listeners);
        this.launcher = new WorkerLauncher(options, classpath);
    }

    /**
     * In a resumed run, also runs the cells whose finished result {@code which} accepts (their settings may have
     * changed: the result is replaced, not kept). Call before {@link #run}.
     */
    public Coordinator rerunning(Predicate<CellResult> which) {
        this.rerun = which;
        return this;
    }

    /**
     * Runs the plan's cells that still need running.
     *
     * @throws RunRefusedException when the results folder holds a previous run's results and this is not
     *                             a resume, or when a resumed cell's configuration changed
     */
    public RunSummary run(SuitePlan plan) {
        synchronized (this) {
            if (used) throw new IllegalStateException("a Coordinator runs one suite once; create another");
            used = true;
        }
        RunLayout layout = RunLayout.of(options.outDir(), plan.name());
        Map<String, CellResult> previous = previousResults(layout, plan.cells());
        checkMayStart(layout, plan, previous);

        List<Cell> toRun = new ArrayList<>();
        List<CellResult> kept = new ArrayList<>();
        for (Cell cell : plan.cells()) {
            CellResult before = previous.get(cell.id());
            if (before != null && before.status().isFinished() && !rerun.test(before)) kept.add(before);
            else toRun.add(cell);
        }
        Map<String, CellResult> results = new LinkedHashMap<>(previous);
        prepareFolder(layout, plan);
        tell(l -> l.runStarted(layout, plan, toRun, kept));

        Thread hook = options.shutdownHook() ? installShutdownHook() : null;
        try {
            int ran = 0;
            for (int i = 0; i < toRun.size() && !cancelled; i++) {
                Cell cell = toRun.get(i);
                int position = i + 1;
                tell(l -> l.cellStarted(cell, position, toRun.size()));
                Optional<String> blocked = sourceNotReady(cell, results);
                Optional<CellResult> result = blocked.isPresent()
                        ? Optional.of(blocked(cell, layout, blocked.get()))
                        : runCell(cell, layout);
                if (result.isEmpty()) {
                    // cancelled while the cell ran: it is unfinished (an earlier failed attempt's file is gone too)
                    results.remove(cell.id());
                    break;
                }
                ran++;
                results.put(cell.id(), result.get());
                List<CellResult> soFar = inPlanOrder(plan, results);
                tell(l -> l.cellFinished(result.get(), soFar));
            }
            RunSummary summary = new RunSummary(layout, inPlanOrder(plan, results), ran, kept.size(),
                    plan.cells().size(), cancelled);
            tell(l -> l.runFinished(summary));
            return summary;
        } finally {
            stopped.countDown();
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it waits for this method, which is done
                }
            }
        }
    }

    /** Stops the run: kills the running worker and starts no other. Safe from any thread. */
    public void cancel() {
        cancelled = true;
        Process p = current;
        if (p != null) kill(p);
    }

    /** Waits until {@link #run} has written everything and returned. */
    public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    private Thread installShutdownHook() {
        Thread hook = new Thread(() -> {
            cancel();
            try {
                awaitStopped(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ferbench-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** The result of each planned cell that has a readable result file. */
    private static Map<String, CellResult> previousResults(RunLayout layout, List<Cell> cells) {
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

    private void checkMayStart(RunLayout layout, SuitePlan plan, Map<String, CellResult> previous) {
        if (!options.resume()) {
            long existing = countResultFiles(layout);
            if (existing > 0) {
                throw new RunRefusedException(layout.suiteDir() + " already holds the results of a previous run of suite '"
                        + plan.name() + "' (" + existing + " cell results). Nothing there is overwritten: run again with "
                        + "--resume to keep the finished cells and run only the missing and failed ones, or choose "
                        + "another folder with --out.");
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
                changed.addAll(inputsOf(cell, layout, datasetDigests).changesSince(recorded, cell));
            }
            if (!changed.isEmpty()) {
                throw new RunRefusedException("cannot resume in " + layout.suiteDir() + ": cell " + cell.id()
                        + " finished there with other settings or inputs: " + String.join("; ", changed)
                        + ". Run the changed suite with another --out.");
            }
        }
    }

    /** The cell's inputs now; a dataset's digest (a walk of its folder) is computed once per dataset. */
    private CellInputs inputsOf(Cell cell, RunLayout layout, Map<DatasetSpec, String> datasetDigests) {
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

    private static void prepareFolder(RunLayout layout, SuitePlan plan) {
        try {
            Files.createDirectories(layout.cellsDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + layout.cellsDir() + ": " + e.getMessage(), e);
        }
        if (plan.yaml() != null) AtomicFiles.writeString(layout.suiteCopy(), plan.yaml());
    }

    /** Runs one cell in a worker; empty when the run was cancelled meanwhile. */
    private Optional<CellResult> runCell(Cell cell, RunLayout layout) {
        Instant started = CellResults.now();
        Path dir = layout.cellDir(cell.id());
        long timeout = options.effectiveTimeoutSeconds(cell.execution().timeoutSeconds());
        clearCellFolder(layout, cell.id());
        try {
            JsonFiles.write(layout.inputsFile(cell.id()), inputsOf(cell, layout, new HashMap<>()), true);
        } catch (RuntimeException e) {
            return Optional.of(record(layout, CellResults.failed(cell, "cannot read the cell's inputs: "
                    + CellResults.describe(e), started, CellResults.now(), null), timeout));
        }
        JsonFiles.write(layout.requestFile(cell.id()), new WorkerRequest(cell, options.dataRoot().toString(),
                options.cache().root().toString(), options.peakGflops(), options.inference(), options.featureSample(),
                layout.cellsDir().toString()), true);
        Process process;
        try {
            process = launcher.start(cell, layout);
        } catch (UnknownBackendException | UncheckedIOException e) {
            return Optional.of(record(layout, CellResults.failed(cell, e.getMessage(), started, CellResults.now(), null),
                    timeout));
        }
        current = process;
        if (cancelled) kill(process); // cancel() ran between the loop's check and the start
        tell(l -> l.workerStarted(cell, process.toHandle()));
        Thread reader = readOutput(cell, process, layout.stdoutLog(cell.id()));
        boolean timedOut = false;
        try {
            if (timeout > 0) timedOut = !process.waitFor(timeout, TimeUnit.SECONDS);
            if (timedOut) kill(process);
            process.waitFor();
            reader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            return Optional.empty();
        } finally {
            current = null;
        }
        Optional<CellResult> written = readResult(layout, cell);
        if (written.isEmpty() && (cancelled || process.exitValue() == SIGINT_STATUS)) {
            cancelled = true;
            return Optional.empty();
        }
        if (written.isPresent()) return Optional.of(withTimeout(written.get(), timeout, layout));
        String error = WorkerExit.describe(process.exitValue(), timedOut ? timeout : 0, layout.stderrLog(cell.id()), dir);
        return Optional.of(record(layout, CellResults.failed(cell, error, started, CellResults.now(), null), timeout));
    }

    /**
     * Why a cell that starts from another cell's weights cannot run: that cell has no ok result (it failed, diverged,
     * or is not part of this run). Empty when the cell may run.
     */
    private static Optional<String> sourceNotReady(Cell cell, Map<String, CellResult> results) {
        String source = cell.network().init().sourceCell();
        if (source == null) return Optional.empty();
        CellResult before = results.get(source);
        if (before != null && before.status() == CellStatus.OK) return Optional.empty();
        String state = before == null ? "has no result in this run"
                : "ended " + before.status().name().toLowerCase(java.util.Locale.ROOT)
                + (before.error() == null ? "" : " (" + before.error() + ")");
        return Optional.of("starts from the weights of cell " + source + " (checkpoint '"
                + cell.network().init().checkpoint() + "'), which " + state
                + "; once that cell finishes ok, --resume runs this one");
    }

    /** Records a cell that could not start, without a worker. */
    private CellResult blocked(Cell cell, RunLayout layout, String reason) {
        Instant now = CellResults.now();
        clearCellFolder(layout, cell.id());
        return record(layout, CellResults.failed(cell, reason, now, now, null),
                options.effectiveTimeoutSeconds(cell.execution().timeoutSeconds()));
    }

    /** Writes a result the coordinator made (the worker could not), with the timeout it ran under. */
    private static CellResult record(RunLayout layout, CellResult result, long timeout) {
        CellResult r = result.withCell(result.cell().withTimeoutSeconds(timeout));
        JsonFiles.write(layout.resultFile(r.cellId()), r, false);
        return r;
    }

    /** The worker's result, corrected to the timeout the coordinator applied when an override changed it. */
    private static CellResult withTimeout(CellResult result, long timeout, RunLayout layout) {
        return result.cell().execution().timeoutSeconds() == timeout ? result : record(layout, result, timeout);
    }

    private static Optional<CellResult> readResult(RunLayout layout, Cell cell) {
        Path file = layout.resultFile(cell.id());
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            CellResult r = CellResults.read(file);
            return cell.id().equals(r.cellId()) ? Optional.of(r) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Removes what an earlier attempt at this cell left (a failed cell being retried). */
    private static void clearCellFolder(RunLayout layout, String cellId) {
        Path dir = layout.cellDir(cellId);
        try {
            Files.createDirectories(dir);
            for (Path p : List.of(layout.resultFile(cellId), layout.inputsFile(cellId), layout.stdoutLog(cellId),
                    layout.stderrLog(cellId),
                    layout.cellHistoryCsv(cellId), layout.weightsFile(cellId))) {
                Files.deleteIfExists(p);
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(f -> f.getFileName().toString().startsWith("hs_err_pid")).toList()) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the worker's standard output: progress events go to the listeners, anything else to
     * {@code stdout.log}. It must keep reading whatever happens, or a full pipe would block the worker.
     */
    private Thread readOutput(Cell cell, Process process, Path log) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
                 BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    Optional<ProgressEvent> event = ProgressChannel.decode(line);
                    if (event.isPresent()) {
                        for (RunListener l : listeners) {
                            try {
                                l.progress(cell, event.get());
                            } catch (RuntimeException e) {
                                System.err.println("warning: a progress listener failed: " + e);
                            }
                        }
                    } else {
                        out.write(line);
                        out.newLine();
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the worker dies; what it wrote before is in the log
            }
        }, "ferbench-worker-output-" + cell.id());
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static List<CellResult> inPlanOrder(SuitePlan plan, Map<String, CellResult> results) {
        List<CellResult> ordered = new ArrayList<>();
        for (Cell cell : plan.cells()) {
            CellResult r = results.get(cell.id());
            if (r != null) ordered.add(r);
        }
        return ordered;
    }

    private void tell(Consumer<RunListener> call) {
        for (RunListener l : listeners) call.accept(l);
    }
}
