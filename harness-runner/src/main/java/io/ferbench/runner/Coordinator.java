package io.ferbench.runner;

import io.ferbench.worker.AtomicFiles;
import io.ferbench.worker.CellResults;
import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.ProgressChannel;
import io.ferbench.worker.ProgressEvent;
import io.ferbench.worker.RunLayout;
import io.ferbench.worker.UnknownBackendException;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.cell.Cell;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
    /** ... and after SIGTERM, which a scheduler sends to the whole task when it is cancelled or pre-empted. */
    private static final int SIGTERM_STATUS = 143;
    static final String CANCELLED = "cancelled: the task was stopped by a signal before the cell finished (as "
            + "scancel, kubectl delete or a pre-emption do); --resume runs it again";

    private final RunOptions options;
    private final List<RunListener> listeners;
    private final WorkerLauncher launcher;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<String> writeErrors = new ArrayList<>();
    private volatile boolean cancelled;
    private final boolean task;
    /** The workers running now (several with --parallel). */
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private boolean used;
    /** Finished results that a resumed run runs again all the same ({@code --rerun}). */
    private Predicate<CellResult> rerun = result -> false;

    public Coordinator(RunOptions options, List<RunListener> listeners) {
        this(options, listeners, WorkerClasspath.detect());
    }

    public Coordinator(RunOptions options, List<RunListener> listeners, WorkerClasspath classpath) {
        this(options, listeners, classpath, false);
    }

    private Coordinator(RunOptions options, List<RunListener> listeners, WorkerClasspath classpath, boolean task) {
        this.options = options;
        this.listeners = List.copyOf(listeners);
        this.launcher = new WorkerLauncher(options, classpath);
        this.task = task;
    }

    /**
     * A coordinator for one cell of a staged run, as a cluster task runs it ({@code ferbench worker}): it locks the
     * cell's folder, not the run's (the other cells run beside it), keeps a finished result of the same cell, and
     * records a cancelled cell (the scheduler's SIGTERM) as failed with that reason, since no coordinator is left
     * to notice it.
     */
    public static Coordinator forTask(RunOptions options, List<RunListener> listeners) {
        return new Coordinator(options.withResume(true), listeners, WorkerClasspath.detect(), true);
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
        if (task && plan.cells().size() != 1) throw new IllegalArgumentException("a task runs exactly one cell");
        Path lockFile = task ? layout.cellLockFile(plan.cells().get(0).id()) : layout.lockFile();
        String holder = task ? "a task running cell " + plan.cells().get(0).id() + " of suite '" + plan.name() + "'"
                : "a run of suite '" + plan.name() + "'" + (options.resume() ? " (resumed)" : "");
        try (RunFolderLock lock = RunFolderLock.acquire(lockFile, holder)) {
            return runLocked(plan, layout);
        } finally {
            stopped.countDown();
        }
    }

    private RunSummary runLocked(SuitePlan given, RunLayout layout) {
        SuitePlan plan = new SuitePlan(given.name(), given.description(), given.file(), given.yaml(),
                given.cells().stream().map(options::effective).toList(), given.datasets());
        Map<String, CellResult> previous = ResumeGuard.previousResults(layout, plan.cells());
        ResumeGuard.checkMayStart(options, layout, plan, previous, rerun);

        List<Cell> toRun = new ArrayList<>();
        List<CellResult> kept = new ArrayList<>();
        for (Cell cell : plan.cells()) {
            CellResult before = previous.get(cell.id());
            if (before != null && before.status().isFinished() && !rerun.test(before)) kept.add(before);
            else toRun.add(cell);
        }
        Map<String, CellResult> results = new ConcurrentHashMap<>(previous);
        prepareFolder(layout, plan);
        tell(l -> l.runStarted(layout, plan, toRun, kept));

        Thread hook = options.shutdownHook() ? installShutdownHook() : null;
        try {
            int ran = options.parallel() > 1 ? runInParallel(plan, layout, toRun, results)
                    : runInTurn(plan, layout, toRun, results);
            RunSummary summary = new RunSummary(layout, inPlanOrder(plan, results), ran, kept.size(),
                    plan.cells().size(), cancelled);
            tell(l -> l.runFinished(summary));
            return summary.withWriteErrors(writeErrors);
        } finally {
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it waits for this method, which is done
                }
            }
        }
    }

    /** The cells one after another; returns how many ran. */
    private int runInTurn(SuitePlan plan, RunLayout layout, List<Cell> toRun, Map<String, CellResult> results) {
        int ran = 0;
        for (int i = 0; i < toRun.size() && !cancelled; i++) {
            if (!runOne(plan, layout, toRun.get(i), i + 1, toRun.size(), results)) break;
            ran++;
        }
        return ran;
    }

    /**
     * Up to {@code parallel} cells at once, each in its own worker; a cell that starts from another cell's weights
     * waits for that cell. Returns how many ran.
     */
    private int runInParallel(SuitePlan plan, RunLayout layout, List<Cell> toRun, Map<String, CellResult> results) {
        ExecutorService pool = Executors.newFixedThreadPool(options.parallel(), r -> {
            Thread t = new Thread(r, "ferbench-cell");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        Map<String, CompletableFuture<Void>> done = new HashMap<>();
        try {
            for (Cell cell : toRun) {
                String source = cell.network().init().sourceCell();
                CompletableFuture<Void> after = source != null && done.containsKey(source) ? done.get(source)
                        : CompletableFuture.completedFuture(null);
                done.put(cell.id(), after.thenRunAsync(() -> {
                    if (cancelled) return;
                    if (runOne(plan, layout, cell, started.incrementAndGet(), toRun.size(), results)) {
                        ran.incrementAndGet();
                    }
                }, pool));
            }
            CompletableFuture.allOf(done.values().toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
        return ran.get();
    }

    /** Runs one cell and records it; false when the run was cancelled meanwhile (the cell stays unfinished). */
    private boolean runOne(SuitePlan plan, RunLayout layout, Cell cell, int position, int count,
                           Map<String, CellResult> results) {
        tell(l -> l.cellStarted(cell, position, count));
        Optional<String> blocked = sourceNotReady(cell, results, layout);
        Optional<CellResult> outcome = blocked.isPresent()
                ? Optional.of(blocked(cell, layout, blocked.get()))
                : runCell(cell, layout);
        // a cancelled task is gone for good: its cell's result says so, for the run to collect
        Optional<CellResult> result = outcome.isEmpty() && task ? Optional.of(record(layout,
                CellResults.failed(cell, CANCELLED, CellResults.now(), CellResults.now(), null),
                options.effectiveTimeoutSeconds(cell.execution().timeoutSeconds()))) : outcome;
        if (result.isEmpty()) {
            // cancelled while the cell ran: it is unfinished (an earlier failed attempt's file is gone too)
            results.remove(cell.id());
            return false;
        }
        results.put(cell.id(), result.get());
        List<CellResult> soFar = inPlanOrder(plan, results);
        tell(l -> l.cellFinished(result.get(), soFar));
        return true;
    }

    /** Stops the run: kills the running worker and starts no other. Safe from any thread. */
    public void cancel() {
        cancelled = true;
        running.forEach(Coordinator::kill);
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
        OrphanWorkers.stop(layout.workerPidFile(cell.id()));
        clearCellFolder(layout, cell.id());
        try {
            JsonFiles.write(layout.inputsFile(cell.id()), ResumeGuard.inputsOf(options, cell, layout,
                    new HashMap<>()), true);
        } catch (RuntimeException e) {
            return Optional.of(record(layout, CellResults.failed(cell, "cannot read the cell's inputs: "
                    + CellResults.describe(e), started, CellResults.now(), null), timeout));
        }
        try {
            JsonFiles.write(layout.requestFile(cell.id()), options.requestFor(cell, layout), true);
        } catch (UncheckedIOException e) {
            return Optional.of(record(layout, CellResults.failed(cell, e.getMessage(), started, CellResults.now(),
                    null), timeout));
        }
        Process process;
        try {
            process = launcher.start(cell, layout);
        } catch (UnknownBackendException | UncheckedIOException e) {
            return Optional.of(record(layout, CellResults.failed(cell, e.getMessage(), started, CellResults.now(), null),
                    timeout));
        }
        running.add(process);
        if (cancelled) kill(process); // cancel() ran between the loop's check and the start
        OrphanWorkers.record(layout.workerPidFile(cell.id()), process.toHandle());
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
            running.remove(process);
            if (!process.isAlive()) OrphanWorkers.forget(layout.workerPidFile(cell.id()));
        }
        Optional<CellResult> written = readResult(layout, cell);
        if (written.isEmpty() && (cancelled || process.exitValue() == SIGINT_STATUS
                || task && process.exitValue() == SIGTERM_STATUS)) {
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
    private static Optional<String> sourceNotReady(Cell cell, Map<String, CellResult> results, RunLayout layout) {
        String source = cell.network().init().sourceCell();
        if (source == null) return Optional.empty();
        CellResult before = results.get(source);
        if (before == null) before = readResult(layout, source).orElse(null);  // a task sees only its own cell
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
        return readResult(layout, cell.id());
    }

    private static Optional<CellResult> readResult(RunLayout layout, String cellId) {
        Path file = layout.resultFile(cellId);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            CellResult r = CellResults.read(file);
            return cellId.equals(r.cellId()) ? Optional.of(r) : Optional.empty();
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

    /**
     * Tells every listener. A listener that cannot write its file (results.csv, report.html: a full disk) costs that
     * file only: one line names it, the run goes on, and the finished cells' results stay where they are.
     */
    private synchronized void tell(Consumer<RunListener> call) {
        for (RunListener l : listeners) {
            try {
                call.accept(l);
            } catch (UncheckedIOException e) {
                String message = e.getMessage();
                synchronized (writeErrors) {
                    if (writeErrors.contains(message)) continue;
                    writeErrors.add(message);
                }
                System.err.println("error: " + message + "; the cells' own results are kept in each cell's folder");
            }
        }
    }
}
