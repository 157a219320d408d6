package io.ferbench.runner;

import io.ferbench.api.backend.BackendCatalog;
import io.ferbench.api.backend.BackendDescriptor;
import io.ferbench.worker.UnknownBackendException;
import io.ferbench.worker.RunLayout;
import io.ferbench.worker.WorkerMain;
import io.ferbench.worker.ParentWatchdog;
import io.ferbench.api.cell.Cell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts worker JVMs. A worker runs in its cell's folder (so a JVM crash report lands there), with
 * its standard error going to {@code stderr.log}, and with the settings a fair CPU benchmark needs:
 * {@code OMP_WAIT_POLICY=PASSIVE} (spin-waiting OpenMP threads slowed PyTorch 10–20× when other
 * processes shared the cores), a small fixed young generation (resident memory that grows only with use), and what
 * the backend's descriptor asks for (its native-library cache under ferbench's cache, its log level). Settings
 * already present in the environment are kept. The microbenchmarks ({@code io.ferbench.runner.bench}) start their
 * forks here too, with another main class, so a fork measures a JVM set up exactly as a cell's worker is.
 */
public final class WorkerLauncher {
    private static final long MIB = 1024L * 1024L;

    private final RunOptions options;
    private final WorkerClasspath classpath;

    public WorkerLauncher(RunOptions options, WorkerClasspath classpath) {
        this.options = options;
        this.classpath = classpath;
    }

    /** The worker's command line; throws {@link UnknownBackendException} when the backend is not installed. */
    List<String> command(Cell cell, RunLayout layout) {
        return command(cell.backend(), WorkerMain.class.getName(),
                List.of(layout.requestFile(cell.id()).toString(), layout.cellDir(cell.id()).toString()));
    }

    /**
     * The command line of a JVM with backend {@code backend}'s worker classpath, heap, JVM options and system
     * properties, running {@code mainClass} with {@code args}; throws {@link UnknownBackendException} when the
     * backend is not installed.
     */
    public List<String> command(String backend, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + (options.workerHeap() != null ? options.workerHeap() : WorkerHeap.defaultMib() + "m"));
        // a small fixed young generation: the resident memory recorded per epoch then grows only when the worker
        // needs more, not as the collector first writes to heap pages committed at start-up (which looked like a
        // leak of 5 MiB an epoch; docs/benchmarks.md, "Resident memory over epochs")
        cmd.add("-Xmn" + WorkerHeap.youngMib(WorkerHeap.mebibytes(options.workerHeap())) + "m");
        // a Java heap exhaustion ends the worker at once (its cell fails) instead of limping on
        cmd.add("-XX:+ExitOnOutOfMemoryError");
        cmd.add("-Djava.awt.headless=true");
        // the worker ends itself when this coordinator is gone (its stdin, a pipe from here, closes)
        cmd.add("-D" + ParentWatchdog.PROPERTY + "=" + ProcessHandle.current().pid());
        descriptor(backend).systemPropertiesFor(options.cache().root()).forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(options.workerJvmArgs());
        cmd.add("-cp");
        cmd.add(WorkerClasspath.join(classpath.forBackend(backend)));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    Process start(Cell cell, RunLayout layout) {
        return start(cell.backend(), command(cell, layout), layout.cellDir(cell.id()), layout.stderrLog(cell.id()),
                "cell " + cell.id());
    }

    /**
     * Starts {@code command} (from {@link #command(String, String, List)}) in folder {@code dir} with the backend's
     * worker environment, standard error to {@code stderr}, standard input a pipe the caller keeps open
     * ({@link ParentWatchdog}); {@code what} names the JVM in an error.
     */
    public Process start(String backend, List<String> command, Path dir, Path stderr, String what) {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.to(stderr.toFile()));
        Map<String, String> env = pb.environment();
        env.putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
        descriptor(backend).environmentFor(options.cache().root()).forEach(env::putIfAbsent);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker JVM for " + what + ": " + e.getMessage(), e);
        }
    }

    /** What the backend's descriptor says its worker needs; an unknown backend is refused with the installed ones. */
    private BackendDescriptor descriptor(String backend) {
        BackendCatalog catalog = classpath.catalog();
        return catalog.find(backend).orElseThrow(() -> new UnknownBackendException(backend,
                catalog.ids(), "among the installed backends"));
    }

}
