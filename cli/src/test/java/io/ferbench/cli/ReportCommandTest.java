package io.ferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.worker.CellResults;
import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.RunLayout;
import io.ferbench.suite.SuitePlan;
import io.ferbench.suite.Suites;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ferbench report}: from results alone, for an unfinished run, for several run folders. */
class ReportCommandTest {
    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int report(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    /** A run folder of suite {@code name} (3 planned cells) where only the first {@code finished} have a result. */
    private RunLayout runFolder(String name, int finished) throws Exception {
        SuitePlan plan = Suites.plan("""
                name: %s
                datasets:
                  tiny: {kind: synthetic, classes: [happy, sad], images_per_class: 5}
                matrix:
                  learning_rate: [0.1, 0.01, 0.001]
                """.formatted(name), name + ".yaml");
        RunLayout layout = RunLayout.of(dir.resolve("results"), name);
        Files.createDirectories(layout.cellsDir());
        Files.writeString(layout.suiteCopy(), plan.yaml());
        for (int i = 0; i < finished; i++) {
            JsonFiles.write(layout.resultFile(plan.cells().get(i).id()), CellResults.failed(plan.cells().get(i),
                    "backend not installed", Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:01Z"),
                    null), false);
        }
        return layout;
    }

    @Test
    void rebuildsTheReportOfAnUnfinishedRunInItsFolder() throws Exception {
        RunLayout layout = runFolder("first", 2);
        assertEquals(0, report("report", layout.suiteDir().toString()), err.toString());
        assertTrue(out.toString().contains("Report: " + layout.reportHtml() + " (2 cells; 1 not finished)"), out.toString());
        String html = Files.readString(layout.reportHtml());
        assertTrue(html.contains("2 cells: 0 ok, 0 diverged, 2 failed; 1 not finished"));
        assertTrue(html.contains("backend not installed"));
    }

    @Test
    void mergesSeveralRunFoldersIntoTheFileGivenWithO() throws Exception {
        runFolder("first", 3);
        runFolder("second", 1);
        assertEquals(2, report("report", dir.resolve("results").toString()));
        assertTrue(err.toString().contains("2 run folders would be merged into one report: say where it goes with -o"),
                err.toString());

        Path merged = dir.resolve("merged/report.html");
        assertEquals(0, report("report", dir.resolve("results").toString(), "-o", merged.toString()), err.toString());
        String html = Files.readString(merged);
        assertTrue(html.contains("<title>ferbench: first + second</title>"), "both suites");
        assertTrue(html.contains("4 cells: 0 ok, 0 diverged, 4 failed; 2 not finished"));
        assertTrue(out.toString().contains("(4 cells from 2 run folders; 2 not finished)"), out.toString());
    }

    @Test
    void aFolderWithoutResultsIsAnInputErrorThatSaysWhatItExpected() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertEquals(2, report("report", dir.resolve("empty").toString()));
        assertTrue(err.toString().contains("holds no ferbench results"), err.toString());
        assertFalse(Files.exists(dir.resolve("empty/report.html")));
        assertEquals(2, report("report", dir.resolve("missing").toString()));
        assertTrue(err.toString().contains("is not a folder"), err.toString());
    }
}
