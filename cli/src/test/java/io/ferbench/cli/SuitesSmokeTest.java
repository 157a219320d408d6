package io.ferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.study.AnalysisFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every suite shipped under {@code suites/} runs end to end: {@code ferbench run --smoke} on each (synthetic data
 * with the suite's class counts, toy sizes, one epoch, forked workers on the installed backend, DJL here), every cell
 * it runs ends ok, and the results, report and analysis files are written. A suite added to the folder is tested
 * without touching this class.
 */
class SuitesSmokeTest {
    private static final Path SUITES = Path.of("..", "suites");
    /** Shared with the other forked-worker tests, so native libraries are unpacked once. */
    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "ferbench-cache");
    private static final Pattern DONE = Pattern.compile("Done: (\\d+) ok, (\\d+) diverged, (\\d+) failed of (\\d+) cells");

    @TempDir static Path out;

    static List<Path> suites() throws IOException {
        try (Stream<Path> files = Files.walk(SUITES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everySuiteRunsAtToyScale() throws IOException {
        List<Path> suites = suites();
        assertTrue(suites.size() >= 11, "suites found: " + suites);
        return suites.stream().map(suite -> DynamicTest.dynamicTest(SUITES.relativize(suite).toString(),
                () -> Assertions.assertTimeoutPreemptively(Duration.ofMinutes(3), () -> smoke(suite))));
    }

    private static void smoke(Path suite) throws IOException {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine cmd = new CommandLine(new RunCommand());
        cmd.setOut(new PrintWriter(stdout, true));
        cmd.setErr(new PrintWriter(stderr, true));
        int status = cmd.execute("--smoke", suite.toString(), "--out", out.toString(), "--cache-dir", CACHE.toString(),
                "--worker-heap", "1g");
        String log = stdout + "\n" + stderr;
        assertEquals(0, status, log);
        Matcher done = DONE.matcher(stdout.toString());
        assertTrue(done.find(), log);
        assertTrue(Integer.parseInt(done.group(1)) >= 1, log);
        assertEquals(done.group(1), done.group(4), "every cell that ran is ok: " + log);
        Path results = Path.of(stdout.toString().replaceAll("(?s).*Results: (\\S+).*", "$1")).getParent();
        assertTrue(results.getFileName().toString().endsWith("-smoke"), results.toString());
        for (String file : List.of("results.csv", "report.html", AnalysisFiles.JSON, AnalysisFiles.STATISTICS)) {
            assertTrue(Files.isRegularFile(results.resolve(file)), results.resolve(file) + " missing");
        }
    }
}
