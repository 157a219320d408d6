package io.ferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.runner.cluster.StagedRun;
import io.ferbench.worker.CellResults;
import io.ferbench.worker.RunLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A real Slurm runs a suite's cells as a job array (.ci/start-slurm.sh starts a single-node Slurm; CI sets
 * FERBENCH_REQUIRE_SLURM=1, so there these tests fail instead of skipping when Slurm is not up).
 */
@Tag("slurm")
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class SlurmRunTest {
    private static final Pattern SUBMITTED = Pattern.compile("Submitted Slurm job (\\d+)");

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void slurmIsUp() throws Exception {
        String why = slurmProblem();
        if (why != null && "1".equals(System.getenv("FERBENCH_REQUIRE_SLURM"))) {
            fail("FERBENCH_REQUIRE_SLURM=1 but " + why);
        }
        assumeTrue(why == null, why + " (start one with .ci/start-slurm.sh, as root)");
    }

    /** Why Slurm cannot run jobs here, or null when its node is up. */
    private static String slurmProblem() throws InterruptedException {
        try {
            Process sinfo = new ProcessBuilder("sinfo", "-h", "-o", "%T").redirectErrorStream(true).start();
            String state = new String(sinfo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (sinfo.waitFor() != 0) return "sinfo failed: " + state;
            if (!state.contains("idle") && !state.contains("mix") && !state.contains("alloc")) {
                return "the Slurm node is not up (sinfo: " + state + ")";
            }
            return null;
        } catch (IOException e) {
            return "Slurm is not installed here (no sinfo on the PATH)";
        }
    }

    private Path suite(String epochs) throws IOException {
        return Files.writeString(dir.resolve("cluster.yaml"), """
                name: cluster
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
                  epochs: %s
                  early_stopping: false
                timeout_minutes: 10
                """.formatted(epochs));
    }

    private String[] run(Path suite, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", suite.toString(), "--executor", "slurm",
                "--out", dir.resolve("out").toString(), "--data-root", dir.toString(), "--cache-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "ferbench-cache").toString(), "--worker-heap", "512m"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private int ferbench(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static String scontrol(String job) throws Exception {
        Process p = new ProcessBuilder("scontrol", "show", "job", job).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    private String jobId() {
        Matcher m = SUBMITTED.matcher(out.toString());
        return m.find() ? m.group(1) : null;
    }

    @Test
    void threeCellsRunAsAJobArrayAndAreCollectedAsALocalRunWouldBe() throws Exception {
        assertEquals(0, ferbench(run(suite("[1, 2, 3]"))), out + "\n" + err);
        RunLayout layout = new RunLayout(dir.resolve("out/cluster"));
        List<String> cells = StagedRun.read(layout.suiteDir()).cells();
        assertEquals(3, cells.size());
        for (String id : cells) {
            CellResult r = CellResults.read(layout.resultFile(id));
            assertEquals(CellStatus.OK, r.status(), id + ": " + r.error());
            assertTrue(Files.readString(layout.cellDir(id).resolve("task.log")).contains("ferbench: Slurm job"), id);
        }
        assertTrue(Files.isRegularFile(layout.resultsCsv()) && Files.isRegularFile(layout.reportHtml()));
        assertEquals(4, Files.readAllLines(layout.resultsCsv()).size(), "a header and three cells");
        // a task whose cell is already ok (a requeued or resubmitted one) ends at once and changes nothing
        String before = Files.readString(layout.resultFile(cells.get(0)));
        assertEquals(0, ferbench("worker", layout.suiteDir().toString(), "--index", "0"), err.toString());
        assertTrue(out.toString().contains("(finished before; nothing to do)"), out.toString());
        assertEquals(before, Files.readString(layout.resultFile(cells.get(0))));
        String record = scontrol(jobId());
        for (int task = 0; task < 3; task++) {
            assertTrue(Pattern.compile("ArrayTaskId=" + task + "\\b[\\s\\S]*?JobState=COMPLETED").matcher(record)
                    .find(), "task " + task + " completed in Slurm's own record:\n" + record);
        }
    }

    @Test
    void aCancelledTaskFailsOnlyItsCellAndResumeResubmitsOnlyIt() throws Exception {
        Path suite = suite("[1, 2, 400]");
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> ferbench(run(suite)));
        RunLayout layout = new RunLayout(dir.resolve("out/cluster"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        String longCell = null;
        while (System.nanoTime() < deadline && !running.isDone()) {
            if (longCell == null && Files.isRegularFile(layout.suiteDir().resolve(StagedRun.FILE))) {
                longCell = StagedRun.read(layout.suiteDir()).cells().get(2);
            }
            if (longCell != null && jobId() != null && Files.isRegularFile(layout.stdoutLog(longCell))
                    && Files.readString(layout.cellDir(longCell).resolve("task.log")).contains("training")) break;
            Thread.sleep(200);
        }
        assertFalse(running.isDone(), "the long cell should still be training:\n" + out + err);
        new ProcessBuilder("scancel", jobId() + "_2").start().waitFor();
        assertEquals(1, running.get(4, TimeUnit.MINUTES), out + "\n" + err);

        List<String> cells = StagedRun.read(layout.suiteDir()).cells();
        assertEquals(CellStatus.OK, CellResults.read(layout.resultFile(cells.get(0))).status());
        assertEquals(CellStatus.OK, CellResults.read(layout.resultFile(cells.get(1))).status());
        CellResult cancelled = CellResults.read(layout.resultFile(cells.get(2)));
        assertEquals(CellStatus.FAILED, cancelled.status());
        assertTrue(cancelled.error().startsWith("cancelled"), cancelled.error());
        assertTrue(Files.isRegularFile(layout.resultsCsv()));

        assertEquals(0, ferbench(run(suite, "--resume", "--dry-run")), out + "\n" + err);
        String script = Files.readString(layout.suiteDir().resolve("slurm/cells.sbatch"));
        assertTrue(script.contains("#SBATCH --array=2\n"), "only the cancelled index again:\n" + script);
    }
}
