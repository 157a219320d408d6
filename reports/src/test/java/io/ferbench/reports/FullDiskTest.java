package io.ferbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ferbench.api.result.CellStatus;
import io.ferbench.runner.Coordinator;
import io.ferbench.runner.RunListener;
import io.ferbench.runner.RunOptions;
import io.ferbench.runner.RunSummary;
import io.ferbench.suite.SuitePlan;
import io.ferbench.suite.Suites;
import io.ferbench.worker.CellResults;
import io.ferbench.worker.env.CacheDirectory;
import io.ferbench.worker.train.InferenceSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up once the cells are done: the suite-level files cannot be written. The run must say so in one
 * line per file, naming it and the free space, end normally, and keep every cell's result.
 */
class FullDiskTest {
    private static final String SUITE = """
            name: full-disk
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
              epochs: 1
            timeout_minutes: 5
            """;

    @TempDir Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aFullDiskAtTheSuiteStageCostsOnlyTheSuiteFilesWithOneLineEach() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        String why = new String(mount.getInputStream().readAllBytes());
        assumeTrue(mount.waitFor() == 0, "cannot mount a small tmpfs here (it needs root): " + why.trim());
        PrintStream console = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            SuitePlan plan = Suites.plan(SUITE, "full-disk.yaml");
            RunOptions options = RunOptions.defaults(disk)
                    .withCache(new CacheDirectory(Path.of(System.getProperty("java.io.tmpdir"), "ferbench-cache")))
                    .withDataRoot(dir).withInference(new InferenceSettings(1, 5, 2, 20)).withWorkerHeap("1g");
            System.setErr(new PrintStream(captured, true));
            RunSummary summary = new Coordinator(options, List.of(new FillTheDisk(disk), new ReportingListener()))
                    .run(plan);
            System.setErr(console);
            String errors = captured.toString();

            assertEquals(CellStatus.OK, summary.results().get(0).status(), "the cell itself finished");
            assertEquals(CellStatus.OK, CellResults.read(summary.layout().resultFile(plan.cells().get(0).id()))
                    .status(), "and its result is on disk");
            assertFalse(summary.writeErrors().isEmpty(), "the suite-level files could not be written");
            for (String error : summary.writeErrors()) {
                assertTrue(error.startsWith("could not write " + summary.layout().suiteDir())
                        && error.contains("No space left on device") && error.contains("free space there:"), error);
            }
            assertFalse(errors.contains("\tat "), "no stack trace:\n" + errors);
            assertTrue(errors.lines().filter(l -> l.startsWith("error: could not write")).count()
                    == summary.writeErrors().size(), errors);
        } finally {
            System.setErr(console);
            new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor();
        }
    }

    /** Fills the disk when the last cell is done, before the suite-level files are written. */
    private record FillTheDisk(Path disk) implements RunListener {
        @Override
        public void runFinished(RunSummary summary) {
            try (OutputStream out = Files.newOutputStream(disk.resolve("filler"))) {
                byte[] block = new byte[1 << 20];
                while (true) out.write(block);
            } catch (IOException full) {
                // the disk is full now
            }
        }
    }
}
