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
 * processes shared the cores), a small fixed young generation (resident memory that grows only with use),
 * and what the backend's descriptor asks for (its native-library cache under ferbench's cache, its log level).
 * Settings already present in the environment are kept.
 */
final class WorkerLauncher {
    private static final long MIB = 1024L * 1024L;

    private final RunOptions options;
    private final WorkerClasspath classpath;

    WorkerLauncher(RunOptions options, WorkerClasspath classpath) {
        this.options = options;
        this.classpath = classpath;
    }

    /** The worker's command line; throws {@link UnknownBackendException} when the backend is not installed. */
    List<String> command(Cell cell, RunLayout layout) {
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
        descriptor(cell).systemPropertiesFor(options.cache().root()).forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(options.workerJvmArgs());
        cmd.add("-cp");
        cmd.add(WorkerClasspath.join(classpath.forBackend(cell.backend())));
        cmd.add(WorkerMain.class.getName());
        cmd.add(layout.requestFile(cell.id()).toString());
        cmd.add(layout.cellDir(cell.id()).toString());
        return cmd;
    }

    Process start(Cell cell, RunLayout layout) {
        ProcessBuilder pb = new ProcessBuilder(command(cell, layout))
                .directory(layout.cellDir(cell.id()).toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.to(layout.stderrLog(cell.id()).toFile()));
        Map<String, String> env = pb.environment();
        env.putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
        descriptor(cell).environmentFor(options.cache().root()).forEach(env::putIfAbsent);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker JVM for cell " + cell.id() + ": " + e.getMessage(),
                    e);
        }
    }

    /** What the backend's descriptor says its worker needs; an unknown backend is refused with the installed ones. */
    private BackendDescriptor descriptor(Cell cell) {
        BackendCatalog catalog = classpath.catalog();
        return catalog.find(cell.backend()).orElseThrow(() -> new UnknownBackendException(cell.backend(),
                catalog.ids(), "among the installed backends"));
    }

}
