package io.ferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ferbench bench} end to end at toy scale: a real fork (a worker JVM on this test's classpath) trains DJL's
 * ResNet-18 on 16-pixel images, and the table and bench.csv carry its two scores; bad options are refused before any
 * fork starts, naming the option and what would be valid.
 */
class BenchCommandTest {
    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "ferbench-cache");

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int bench(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        return cl.execute(all);
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aForkMeasuresTheTrainingStepAndTheTableAndCsvCarryItsScores() throws Exception {
        Path results = dir.resolve("bench");
        int status = bench("--backend", "djl", "--architecture", "resnet18", "--image-size", "16", "--batch-size", "4",
                "--warmup", "1", "--iterations", "2", "--steps", "1", "--forks", "1", "--out", results.toString(),
                "--cache-dir", CACHE.toString(), "--worker-heap", "1g");
        assertEquals(0, status, out + "\n" + err);
        String console = out.toString();
        assertTrue(console.contains("# Warmup Iteration   1:") && console.contains("Iteration   2:"),
                "the fork's iterations are shown as they run:\n" + console);
        List<String> table = console.lines().filter(l -> l.startsWith("trainStep")).toList();
        assertEquals(2, table.size(), console);
        assertTrue(table.get(0).matches("trainStep +djl +resnet18 +4 +16 +thrpt +2 .* img/s .*"), table.get(0));
        assertTrue(table.get(1).matches("trainStep +djl +resnet18 +4 +16 +avgt +2 .* ms/step .*"), table.get(1));

        List<String> csv = Files.readAllLines(results.resolve("bench.csv"));
        assertEquals(3, csv.size(), "a header and one row per mode: " + csv);
        List<String> header = Arrays.asList(csv.get(0).split(","));
        for (String line : csv.subList(1, 3)) {
            String[] row = line.split(",");
            assertEquals("djl", row[header.indexOf("backend")]);
            assertEquals("2", row[header.indexOf("cnt")]);
            for (String figure : List.of("score", "error", "median", "min", "max")) {
                double v = Double.parseDouble(row[header.indexOf(figure)]);
                assertTrue(v > 0 && Double.isFinite(v), figure + " = " + v + " in " + line);
            }
            assertTrue(row[header.indexOf("framework")].startsWith("DJL"), line);
        }
        assertEquals(List.of("thrpt", "avgt"), csv.subList(1, 3).stream()
                .map(l -> l.split(",")[header.indexOf("mode")]).toList());
        assertTrue(Files.readString(results.resolve("bench.json")).contains("\"iteration_seconds\""));
        assertTrue(Files.isRegularFile(results.resolve("forks/djl-resnet18-b4-16px/fork-1/result.json")));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aForkPastItsTimeLimitIsKilledAndItsBenchmarkFails() {
        int status = bench("--backend", "djl", "--architecture", "resnet18", "--image-size", "16", "--batch-size", "4",
                "--warmup", "50", "--iterations", "50", "--steps", "10", "--forks", "1", "--fork-timeout", "2s",
                "--out", dir.resolve("bench").toString(), "--cache-dir", CACHE.toString(), "--worker-heap", "1g");
        assertEquals(BenchCommand.SOME_FAILED, status, out + "\n" + err);
        assertTrue(err.toString().contains("benchmark djl-resnet18-b4-16px fork 1 failed: timeout: the fork ran longer "
                + "than its limit of 2 s and its worker was killed"), err.toString());
        assertTrue(out.toString().contains("Failed: djl-resnet18-b4-16px"), out.toString());
    }

    @Test
    void badOptionsAreRefusedByNameWithTheValidValues() {
        assertEquals(2, bench("--backend", "djll", "--out", dir.toString()));
        assertTrue(err.toString().contains("--backend: unknown backend 'djll'")
                && err.toString().contains("did you mean 'djl'?"), err.toString());
        assertEquals(2, bench("--architecture", "resnet81", "--out", dir.toString()));
        assertTrue(err.toString().contains("--architecture: unknown architecture 'resnet81'")
                && err.toString().contains("Did you mean 'resnet18'?"), err.toString());
        assertEquals(2, bench("--iterations", "0", "--out", dir.toString()));
        assertTrue(err.toString().contains("--iterations must be at least 1, got 0"), err.toString());
        assertEquals(2, bench("--device", "tpu"));
        assertTrue(err.toString().contains("unknown device 'tpu'; valid: auto, cpu, gpu"), err.toString());
        assertEquals(2, bench("--fork-timeout", "0", "--out", dir.toString()));
        assertTrue(err.toString().contains("--fork-timeout: must be more than 0"), err.toString());
        assertTrue(out.toString().isEmpty(), "nothing ran: " + out);
    }
}
