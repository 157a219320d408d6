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
        assertEquals(2, run(suite.toString(), "--peak-gflops", "500", "--recalibrate", "--out",
                dir.resolve("o").toString()));
        assertTrue(err.toString().contains("--recalibrate measures the backends' peaks and --peak-gflops gives one"),
                err.toString());
        assertEquals(2, run(suite.toString(), "--worker-heap", "lots", "--out", dir.resolve("o").toString()));
        assertTrue(err.toString().contains("worker heap"), err.toString());
    }

    @Test
    void folderOptionsNamingAFileExitWithTwoAndSaySo() throws Exception {
        Path suite = suite("djl");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        for (String flag : new String[] {"--out", "--cache-dir", "--data-root"}) {
            assertEquals(2, run(suite.toString(), flag, file.toString()), flag);
            assertTrue(err.toString().contains(flag + " " + file + " is a file; " + flag + " names a folder"),
                    err.toString());
        }
    }

    @Test
    void aSecondRunIntoAFolderAnotherRunHoldsExitsWithTwoNamingIt() throws Exception {
        Path suite = suite("djl");
        Path results = dir.resolve("busy");
        Files.createDirectories(results.resolve("cli-test"));
        String holder = HeldLocks.byThisProcess("a run of suite 'cli-test'");
        Files.writeString(results.resolve("cli-test/run.lock"), holder);
        assertEquals(2, run(suite.toString(), "--out", results.toString(), "--data-root", dir.toString()));
        assertTrue(err.toString().contains("is in use by another ferbench run: pid " + ProcessHandle.current().pid()),
                err.toString());
        assertTrue(Files.readString(results.resolve("cli-test/run.lock")).equals(holder), "the holder's lock stays");
    }

    @Test
    void aRunWhoseCellsFailExitsWithOneSaysWhereResultsAreAndRefusesToOverwriteThem() throws Exception {
        // the test classpath has DJL and TensorFlow but not DL4J (whose JavaCPP clashes with TensorFlow's), so the
        // worker fails a DL4J cell with a clear error
        Path suite = suite("dl4j");
        Path results = dir.resolve("results");
        String[] args = {suite.toString(), "--out", results.toString(), "--cache-dir", dir.resolve("cache").toString(),
                "--data-root", dir.toString(), "--worker-heap", "256m"};
        assertEquals(1, run(args), out + "\n" + err);
        Path suiteDir = results.resolve("cli-test");
        assertTrue(out.toString().contains("Results: " + suiteDir.resolve("results.csv")), out.toString());
        assertTrue(out.toString().contains("FAILED: unknown backend 'dl4j'"), out.toString());
        String csv = Files.readString(suiteDir.resolve("results.csv"));
        assertTrue(csv.contains(",failed,") && csv.contains("installed backends: djl (Deep Java Library"), csv);

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

    @Test
    void backendsLeavesOutTheOtherBackendsCellsAndNamesThem() throws Exception {
        Path suite = suite("dl4j");
        assertEquals(2, run(suite.toString(), "--backends", "installed", "--out", dir.resolve("o").toString()));
        assertTrue(out.toString().contains("left out 1 cell of backend dl4j: not installed here (installed: djl, "
                + "tensorflow)"), out.toString());
        assertTrue(err.toString().contains("nothing to run"), err.toString());
        assertEquals(2, run(suite.toString(), "--backends", "pytorch"));
        assertTrue(err.toString().contains("--backends: unknown backend 'pytorch'; valid: djl, tensorflow, dl4j, or "
                + "installed"), err.toString());
        assertEquals(2, run(suite.toString(), "--smoke-cells", "all"));
        assertTrue(err.toString().contains("--smoke-cells applies only with --smoke"), err.toString());
    }

    @Test
    void aMissingDatasetStopsTheRunBeforeAnyCellWithTheLayoutItExpected() throws Exception {
        Path file = dir.resolve("fer.yaml");
        Files.writeString(file, """
                name: needs-data
                datasets:
                  fer2013:
                    kind: folder
                    path: fer2013
                    download: "Kaggle msambare/fer2013, unzipped into fer2013/"
                  tiny:
                    kind: fer2013-csv
                    path: csv/fer2013.csv
                matrix:
                  dataset: [fer2013, tiny]
                """);
        Path data = dir.resolve("data");
        assertEquals(2, run(file.toString(), "--data-root", data.toString(), "--out", dir.resolve("o").toString()));
        String message = err.toString();
        assertTrue(message.contains("dataset 'fer2013' (kind folder): " + data.resolve("fer2013") + " does not exist; "
                + "expected there <root>/<class>/*.png"), message);
        assertTrue(message.contains("Get it: Kaggle msambare/fer2013, unzipped into fer2013/"), message);
        assertTrue(message.contains("dataset 'tiny' (kind fer2013-csv): " + data.resolve("csv/fer2013.csv")
                + " does not exist; expected there a CSV file with columns emotion,pixels,Usage"), message);
        assertTrue(message.contains("ferbench run --smoke"), message);
        assertTrue(Files.notExists(dir.resolve("o").resolve("needs-data")), "nothing was run");
    }
}
