package io.ferbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.worker.env.CacheDirectory;
import io.ferbench.runner.ConsoleProgress;
import io.ferbench.runner.Coordinator;
import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.RunLayout;
import io.ferbench.runner.RunOptions;
import io.ferbench.suite.SuitePlan;
import io.ferbench.suite.Suites;
import io.ferbench.worker.train.InferenceSettings;
import java.io.BufferedReader;
import java.io.IOException;
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
 * Ctrl-C for real: a coordinator JVM gets SIGINT while its second cell trains. Its shutdown hook must
 * kill the worker and leave the first cell's result and an up-to-date results.csv.
 */
class InterruptedRunTest {
    private static final String SUITE = """
            name: interrupted
            datasets:
              tiny:
                kind: synthetic
                classes: [happy, sad]
                images_per_class: 10
                seed: 3
            matrix:
              architecture: shufflenet_v2_x0_5
              backend: djl
              device: cpu
              threads: 1
              image_size: 24
              batch_size: 8
              epochs: [2, 500]
              early_stopping: false
            timeout_minutes: 5
            """;

    @TempDir Path dir;

    /**
     * Whether this JVM was started with SIGINT ignored, as POSIX shells start background commands when job control is
     * off ({@code (cmd &)}, {@code nohup … &} in a script). Ignored signals are inherited across exec and the JVM then
     * installs no handler, so neither it nor its children could see Ctrl-C: a fact of the environment, not of ferbench.
     */
    static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) return false;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                return (ignored & (1L << (2 - 1))) != 0; // bit n-1 stands for signal n; SIGINT is 2
            }
        }
        return false;
    }

    /** The coordinator process: runs the suite file args[0] into the folder args[1], as {@code ferbench run} does. */
    public static void main(String[] args) {
        SuitePlan plan = Suites.plan(Path.of(args[0]));
        RunOptions options = RunOptions.defaults(Path.of(args[1]))
                .withCache(new CacheDirectory(Path.of(System.getProperty("java.io.tmpdir"), "ferbench-cache")))
                .withDataRoot(Path.of(args[1])).withInference(new InferenceSettings(1, 5, 2, 20)).withWorkerHeap("1g")
                .withShutdownHook(true);
        PrintWriter out = new PrintWriter(System.out, true);
        new Coordinator(options, List.of(new ConsoleProgress(out, false), new ReportingListener())).run(plan);
        System.exit(0);
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void sigintKillsTheWorkerAndKeepsEveryFinishedResult() throws Exception {
        assumeFalse(sigintIgnored(), "SIGINT is ignored in this process (a background job started without job "
                + "control), so the coordinator JVM would inherit that and a Ctrl-C could not reach it");
        Path suite = dir.resolve("interrupted.yaml");
        Files.writeString(suite, SUITE);
        Path out = dir.resolve("out");
        Process coordinator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InterruptedRunTest.class.getName(), suite.toString(),
                out.toString()).redirectErrorStream(true).start();
        StringBuilder console = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(coordinator.getInputStream(),
                StandardCharsets.UTF_8))) {
            boolean secondCell = false;
            String line;
            while ((line = in.readLine()) != null) {
                console.append(line).append('\n');
                secondCell |= line.startsWith("[2/2]");
                if (secondCell && line.contains("training")) break;
            }
            assertTrue(coordinator.isAlive(), "the second cell should still be training:\n" + console);
            List<ProcessHandle> workers = coordinator.descendants().toList();
            assertFalse(workers.isEmpty(), "a worker JVM should be running");

            new ProcessBuilder("kill", "-INT", Long.toString(coordinator.pid())).start().waitFor();
            assertTrue(coordinator.waitFor(60, TimeUnit.SECONDS), "the coordinator must end after Ctrl-C");
            while ((line = in.readLine()) != null) console.append(line).append('\n');
            assertEquals(130, coordinator.exitValue(), console.toString());
            for (ProcessHandle w : workers) {
                w.onExit().get(10, TimeUnit.SECONDS);
                assertFalse(w.isAlive(), "worker " + w.pid() + " outlived its coordinator");
            }
        } finally {
            coordinator.descendants().forEach(ProcessHandle::destroyForcibly);
            coordinator.destroyForcibly();
        }

        SuitePlan plan = Suites.plan(suite);
        RunLayout layout = RunLayout.of(out, plan.name());
        CellResult first = JsonFiles.read(layout.resultFile(plan.cells().get(0).id()), CellResult.class);
        assertEquals(CellStatus.OK, first.status());
        assertFalse(Files.exists(layout.resultFile(plan.cells().get(1).id())),
                "an interrupted cell is unfinished, not failed");
        assertEquals(List.of(first.cellId()),
                ReportFilesTest.readCsv(layout.resultsCsv()).stream().map(r -> r.get("cell_id")).toList());
        assertTrue(console.toString().contains("Interrupted: 1 ok, 0 diverged, 0 failed of 2 cells"), console.toString());
    }
}
