package io.ferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RunCommandTest {
    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new RunCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private Path suite(String backend) throws Exception {
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, """
                name: cli-test
                datasets:
                  tiny:
                    kind: synthetic
                    classes: [happy, sad]
                    images_per_class: 5
                matrix:
                  backend: %s
                  image_size: 16
                  epochs: 1
                """.formatted(backend));
        return file;
    }

    @Test
    void anInvalidSuiteExitsWithTwoAndNamesTheProblem() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\ndatasets:\n  d:\n    kind: synthetic\nmatrix:\n  epochs: 0\n");
        assertEquals(2, run(bad.toString(), "--out", dir.resolve("out").toString()));
        assertTrue(err.toString().contains("bad.yaml") && err.toString().contains("epochs"), err.toString());

        assertEquals(2, run(dir.resolve("missing.yaml").toString()));
        assertTrue(err.toString().contains("missing.yaml"), err.toString());
    }

    @Test
    void badOptionsExitWithTwo() throws Exception {
        Path suite = suite("djl");
        assertEquals(2, run(suite.toString(), "--cell-timeout", "soon"));
        assertTrue(err.toString().contains("'soon' is not a duration"), err.toString());
        assertEquals(2, run(suite.toString(), "--peak-gflops", "-3", "--out", dir.resolve("o").toString()));
        assertTrue(err.toString().contains("peak GFLOP/s"), err.toString());
        assertEquals(2, run(suite.toString(), "--worker-heap", "lots", "--out", dir.resolve("o").toString()));
        assertTrue(err.toString().contains("worker heap"), err.toString());
    }

    @Test
    void aRunWhoseCellsFailExitsWithOneSaysWhereResultsAreAndRefusesToOverwriteThem() throws Exception {
        // this module's classpath has no backend, so the worker fails the cell with a clear error
        Path suite = suite("djl");
        Path results = dir.resolve("results");
        String[] args = {suite.toString(), "--out", results.toString(), "--cache-dir", dir.resolve("cache").toString(),
                "--data-root", dir.toString(), "--worker-heap", "256m"};
        assertEquals(1, run(args), out + "\n" + err);
        Path suiteDir = results.resolve("cli-test");
        assertTrue(out.toString().contains("Results: " + suiteDir.resolve("results.csv")), out.toString());
        assertTrue(out.toString().contains("FAILED: unknown backend 'djl'"), out.toString());
        String csv = Files.readString(suiteDir.resolve("results.csv"));
        assertTrue(csv.contains(",failed,") && csv.contains("installed backends: none"), csv);

        assertEquals(2, run(args));
        assertTrue(err.toString().contains("--resume"), err.toString());
        assertEquals(1, run(append(args, "--resume")), "failed cells are retried on resume");
    }

    @Test
    void durationsAcceptUnitsAndPlainSeconds() {
        RunCommand.DurationConverter c = new RunCommand.DurationConverter();
        assertEquals(Duration.ofSeconds(90), c.convert("90"));
        assertEquals(Duration.ofSeconds(90), c.convert("90s"));
        assertEquals(Duration.ofMinutes(30), c.convert("30m"));
        assertEquals(Duration.ofMinutes(90), c.convert("1h30m"));
        assertEquals(Duration.ofHours(2), c.convert("2H"));
        assertEquals(Duration.ZERO, c.convert("0"));
        assertThrows(CommandLine.TypeConversionException.class, () -> c.convert(""));
        assertThrows(CommandLine.TypeConversionException.class, () -> c.convert("5 minutes"));
    }

    private static String[] append(String[] args, String extra) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = extra;
        return all;
    }
}
