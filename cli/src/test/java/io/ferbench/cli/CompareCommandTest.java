package io.ferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.cell.Device;
import io.ferbench.api.cell.EarlyStoppingSpec;
import io.ferbench.api.cell.Execution;
import io.ferbench.api.cell.Network;
import io.ferbench.api.cell.Training;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.EnvironmentInfo;
import io.ferbench.api.result.InferenceTiming;
import io.ferbench.api.result.TestMetrics;
import io.ferbench.api.result.Peak;
import io.ferbench.api.result.Timing;
import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.RunLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferbench compare} on run folders this test writes: pairing, direction, significance, exit status. */
class CompareCommandTest {
    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int compare(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        picocli.CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "compare";
        System.arraycopy(args, 0, all, 1, args.length);
        return cl.execute(all);
    }

    /**
     * A run folder with one cell per backend and repeat; each repeat's figures jitter by ±0.5 % around the given
     * ones, so that repeats vary as real ones do.
     */
    private Path run(String name, String pytorch, int repeats, double accuracy, double imagesPerSecond,
                     double latencyMs, String... backends) {
        RunLayout layout = RunLayout.of(dir.resolve(name), "quickstart");
        int index = 0;
        for (String backend : backends) {
            for (int r = 0; r < repeats; r++) {
                double jitter = 1 + 0.005 * (r - (repeats - 1) / 2.0);
                Cell cell = cell(backend, r, index++);
                JsonFiles.write(layout.resultFile(cell.id()), result(cell, pytorch, accuracy * jitter,
                        imagesPerSecond * jitter, latencyMs * jitter), true);
            }
        }
        return layout.suiteDir();
    }

    private static Cell cell(String backend, int repeat, int index) {
        Map<String, String> axes = new LinkedHashMap<>();
        axes.put("dataset", "<faces>");
        axes.put("architecture", "resnet18");
        axes.put("backend", backend);
        axes.put("seed", "42");
        return new Cell("quickstart", index + "-" + backend + "-r" + repeat, index, repeat, axes,
                new DatasetSpec("<faces>", "synthetic", null, null, List.of("happy", "sad"), 5, 16, true, null, 7),
                Network.of("resnet18"), Training.plain(8, 1, OptimizerSpec.adam(1e-3),
                new EarlyStoppingSpec(false, EarlyStoppingSpec.Monitor.VAL_LOSS, 3, 0.0, false), 42 + repeat),
                new Execution(backend, Device.CPU, 0, 600, Map.of()));
    }

    private static CellResult result(Cell cell, String pytorch, double accuracy, double imagesPerSecond,
                                     double latencyMs) {
        TestMetrics test = new TestMetrics(10, accuracy, 0.7, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.7, List.of(),
                new int[][] {{5, 0}, {0, 5}}, List.of());
        Timing timing = new Timing(3.0, 2.0, 1, imagesPerSecond, 1.0, Peak.given(130), 0.01, 0.01,
                new InferenceTiming(8, 20, 600.0, 10.0, 12.0, 100, latencyMs, latencyMs * 1.2, 0.5));
        EnvironmentInfo env = new EnvironmentInfo("Test CPU", 2, 4096, "OpenJDK 17", "Linux", Map.of(),
                new BackendInfo(cell.backend(), "DJL 0.36.0", pytorch, "cpu", Map.of()));
        return new CellResult(cell, CellStatus.OK, null, null, null, null, null, test, timing, 500.0, env, null,
                "2026-01-01T00:00:00Z", "2026-01-01T00:00:10Z", 10);
    }

    @Test
    void identicalRunsPassTheGateAndTheFilesNameEachAxisInItsOwnColumn() throws Exception {
        Path a = run("a", "PyTorch 2.7.1", 3, 0.80, 100, 12, "djl", "tensorflow");
        Path b = run("b", "PyTorch 2.7.1", 3, 0.80, 100, 12, "djl", "tensorflow");
        Path files = dir.resolve("cmp");
        assertEquals(0, compare(a.toString(), b.toString(), "--fail-on-regression", "5", "-o", files.toString()),
                out + "\n" + err);
        assertTrue(out.toString().contains("train_images_per_s ↑") && out.toString().contains("+0.0 %"),
                out.toString());
        assertTrue(out.toString().contains("1.0000"), "identical repeats: Welch's p = 1: " + out);
        List<String> csv = Files.readAllLines(files.resolve("compare.csv"));
        assertTrue(csv.get(0).startsWith("backend,metric,higher_is_better,first_n,first_mean,"), csv.get(0));
        assertEquals(1 + 2 * 7, csv.size(), "two backends times the seven default metrics");
        assertTrue(csv.get(1).startsWith("djl,test_accuracy,true,3,"), csv.get(1));
        assertTrue(csv.get(1).contains(",false,false,"), "not significant, no regression: " + csv.get(1));
        String html = Files.readString(files.resolve("compare.html"));
        assertTrue(html.contains("<td class=\"text\">djl</td>") && !html.contains("<faces>"), "escaped");
    }

    @Test
    void aRunTwentyPercentSlowerFailsTheGateWhetherOrNotItHasRepeats() {
        Path a = run("a", "PyTorch 2.7.1", 3, 0.80, 100, 12, "djl");
        Path slower = run("b", "PyTorch 2.8.0", 3, 0.80, 80, 12, "djl");
        assertEquals(1, compare(a.toString(), slower.toString(), "--fail-on-regression", "5", "-o", dir.toString()),
                out + "\n" + err);
        assertTrue(out.toString().contains("-20.0 %") && out.toString().contains("REGRESSION"), out.toString());
        assertTrue(out.toString().contains("PyTorch 2.7.1 → DJL 0.36.0 / PyTorch 2.8.0"), "versions shown: " + out);
        assertEquals(0, compare(a.toString(), slower.toString(), "-o", dir.toString()), "no gate, no failure");
        assertEquals(0, compare(a.toString(), slower.toString(), "--fail-on-regression", "25", "-o", dir.toString()));

        Path one = run("one-a", "PyTorch 2.7.1", 1, 0.80, 100, 12, "djl");
        Path oneSlower = run("one-b", "PyTorch 2.7.1", 1, 0.80, 80, 12, "djl");
        assertEquals(1, compare(one.toString(), oneSlower.toString(), "--fail-on-regression", "5", "--metric",
                "train_images_per_s", "-o", dir.toString()));
        assertTrue(out.toString().contains("untested"), out.toString());
    }

    @Test
    void directionDecidesWhatIsWorse() {
        Path a = run("a", "PyTorch 2.7.1", 1, 0.80, 100, 10, "djl");
        Path moreAccurateButSlowerToAnswer = run("b", "PyTorch 2.7.1", 1, 0.96, 100, 12, "djl");
        assertEquals(0, compare(a.toString(), moreAccurateButSlowerToAnswer.toString(), "--metric", "test_accuracy",
                "--fail-on-regression", "5", "-o", dir.toString()), out.toString());
        assertTrue(out.toString().contains("+20.0 %") && out.toString().contains("better"), out.toString());
        assertEquals(1, compare(a.toString(), moreAccurateButSlowerToAnswer.toString(), "--metric",
                "test_accuracy,latency_p50_ms", "--fail-on-regression", "5", "-o", dir.toString()), out.toString());
        assertTrue(out.toString().contains("latency_p50_ms ↓"), out.toString());
    }

    @Test
    void badInputExitsWithTwoAndSaysWhatIsWrong() throws Exception {
        Path a = run("a", "PyTorch 2.7.1", 1, 0.8, 100, 10, "djl");
        Path other = run("b", "PyTorch 2.7.1", 1, 0.8, 100, 10, "tensorflow");
        assertEquals(2, compare(a.toString(), other.toString(), "-o", dir.toString()));
        assertTrue(err.toString().contains("nothing to compare (only in RUN_A: 1, only in RUN_B: 1)"), err.toString());
        assertEquals(2, compare(a.toString(), a.toString(), "--metric", "train_imags_per_s"));
        assertTrue(err.toString().contains("'train_imags_per_s' is not a metric that can be compared; did you mean "
                + "'train_images_per_s'?"), err.toString());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(2, compare(a.toString(), empty.toString()));
        assertTrue(err.toString().contains("holds no ferbench results"), err.toString());
        assertEquals(2, compare(a.toString(), a.toString(), "--fail-on-regression", "-5"));
        assertFalse(Files.exists(dir.resolve("compare.csv")), "nothing written on bad input");
    }
}
