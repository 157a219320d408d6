package io.ferbench.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.result.CellStatus;
import io.ferbench.suite.SuitePlan;
import io.ferbench.suite.Suites;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator killed with SIGKILL (no shutdown hook runs) leaves no worker behind: the worker's watchdog ends it
 * within seconds. The resumed run then runs the cell once, in a worker of its own, with the folder's lock free.
 */
class KilledCoordinatorTest {
    private static final String SUITE = """
            name: killed
            datasets:
              tiny:
                kind: synthetic
                classes: [happy, sad]
                images_per_class: 40
                seed: 3
            matrix:
              architecture: shufflenet_v2_x0_5
              backend: djl
              device: cpu
              threads: 1
              image_size: 48
              batch_size: 8
              epochs: 3
              early_stopping: false
            timeout_minutes: 5
            """;

    @TempDir Path dir;

    /** The coordinator process: runs the suite file args[0] into the folder args[1]. */
    public static void main(String[] args) {
        SuitePlan plan = Suites.plan(Path.of(args[0]));
        new Coordinator(TinySuites.options(Path.of(args[1])).withShutdownHook(true),
                List.of(new ConsoleProgress(new PrintWriter(System.out, true), false))).run(plan);
        System.exit(0);
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void noWorkerOutlivesAKilledCoordinatorAndResumeRunsTheCellOnce() throws Exception {
        Path suite = dir.resolve("killed.yaml");
        Files.writeString(suite, SUITE);
        Path out = dir.resolve("out");
        Process coordinator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledCoordinatorTest.class.getName(), suite.toString(),
                out.toString()).redirectErrorStream(true).start();
        StringBuilder console = new StringBuilder();
        List<ProcessHandle> workers;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(coordinator.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !line.contains("training")) console.append(line).append('\n');
            workers = coordinator.descendants().toList();
            assertFalse(workers.isEmpty(), "a worker JVM should be training:\n" + console);
            new ProcessBuilder("kill", "-KILL", Long.toString(coordinator.pid())).start().waitFor();
            assertTrue(coordinator.waitFor(10, TimeUnit.SECONDS));
        } finally {
            coordinator.destroyForcibly();
        }
        List<Long> survivors = new java.util.ArrayList<>();
        for (ProcessHandle worker : workers) {
            try {
                worker.onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                survivors.add(worker.pid());
                worker.destroyForcibly();  // leave nothing behind, then fail
            }
        }
        assertEquals(List.of(), survivors, "workers still running 5 s after their coordinator died");

        SuitePlan plan = Suites.plan(suite);
        RunSummary resumed = new Coordinator(TinySuites.options(out).withResume(true), List.of()).run(plan);
        assertEquals(1, resumed.ran(), "the unfinished cell runs again, once");
        assertEquals(CellStatus.OK, resumed.results().get(0).status(), resumed.results().get(0).error());
        assertFalse(Files.exists(resumed.layout().workerPidFile(plan.cells().get(0).id())));
        assertFalse(Files.exists(resumed.layout().lockFile()), "the resumed run released the folder");
    }
}
