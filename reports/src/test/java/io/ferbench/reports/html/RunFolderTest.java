package io.ferbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.result.CellResult;
import io.ferbench.worker.audit.AuditExamples;
import io.ferbench.worker.data.DatasetPreview;
import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.RunLayout;
import io.ferbench.suite.SuitePlan;
import io.ferbench.suite.Suites;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading results from disk, as {@code ferbench report} does, also from an unfinished run. */
class RunFolderTest {
    static final String SUITE = """
            name: %s
            description: reading results back
            datasets:
              faces: {kind: synthetic, classes: [happy, sad], images_per_class: 10}
            matrix:
              learning_rate: [0.01, 0.001, 0.0001]
            """;

    @TempDir Path dir;

    /** A run folder of suite {@code name} where the cells {@code finished} (plan positions) have results. */
    static RunLayout write(Path out, String name, int... finished) throws Exception {
        SuitePlan plan = Suites.plan(SUITE.formatted(name), name + ".yaml");
        RunLayout layout = RunLayout.of(out, name);
        Files.createDirectories(layout.cellsDir());
        Files.writeString(layout.suiteCopy(), plan.yaml());
        for (int i : finished) {
            String id = plan.cells().get(i).id();
            CellResult r = TestCells.ok(id, i, TestCells.axes("learning_rate",
                    plan.cells().get(i).axes().get("learning_rate").toString()), 0.5 + i / 10.0, 2, 0.5);
            JsonFiles.write(layout.resultFile(id), r, false);
        }
        // a cell that started and never finished has its folder and request, no result
        Files.createDirectories(layout.cellDir(plan.cells().get(2).id()));
        return layout;
    }

    @Test
    void anInterruptedRunHasItsResultsInPlanOrderAndItsUnfinishedCells() throws Exception {
        RunLayout layout = write(dir, "demo", 1, 0);
        RunFolder run = RunFolder.read(layout.suiteDir());
        assertEquals("demo", run.suite());
        assertEquals("reading results back", run.description());
        List<String> ids = Suites.plan(SUITE.formatted("demo"), "x").cells().stream().map(c -> c.id()).toList();
        assertEquals(ids.subList(0, 2), run.results().stream().map(CellResult::cellId).toList());
        assertEquals(ids.subList(2, 3), run.unfinished());
        assertTrue(run.yaml().contains("learning_rate"));
    }

    @Test
    void aFolderOfSuitesGivesEachRunFolderAndAFolderWithoutResultsIsAnError() throws Exception {
        write(dir, "beta", 0);
        write(dir, "alpha", 0, 1, 2);
        Files.createDirectories(dir.resolve("not-a-run"));
        List<RunFolder> runs = RunFolder.find(dir);
        assertEquals(List.of("alpha", "beta"), runs.stream().map(RunFolder::suite).toList());
        assertEquals(List.of(), runs.get(0).unfinished());

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> RunFolder.find(dir.resolve("not-a-run")));
        assertTrue(none.getMessage().contains("holds no ferbench results") && none.getMessage().contains("not-a-run"),
                none.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> RunFolder.find(dir.resolve("typo")));
        assertTrue(missing.getMessage().contains("typo is not a folder"), missing.getMessage());
    }

    @Test
    void aDamagedResultIsLeftOutAndTheRestIsReported() throws Exception {
        RunLayout layout = write(dir, "demo", 0, 1);
        String id = Files.list(layout.cellsDir()).map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        Files.writeString(layout.resultFile(id), "{ not json");
        RunFolder run = RunFolder.read(layout.suiteDir());
        assertEquals(1, run.results().size());
        assertTrue(run.unfinished().contains(id));
    }

    @Test
    void aDatasetPreviewIsReadFromTheCellFolder() throws Exception {
        RunLayout layout = write(dir, "demo", 0);
        String id = RunFolder.read(layout.suiteDir()).results().get(0).cellId();
        DatasetPreview preview = new DatasetPreview("faces", 32, 1, 20, 0.5, 0.2,
                List.of(new DatasetPreview.ClassPreview("happy", 6, 2, 2, 0.5, 0.2, List.of("iVBORw0KGgo="))));
        JsonFiles.write(layout.datasetPreviewFile(id), preview, false);
        RunFolder run = RunFolder.read(layout.suiteDir());
        assertEquals(preview, run.datasetPreview(id).orElseThrow());
        assertTrue(run.datasetPreview("000-other").isEmpty());
    }

    @Test
    void theAuditsExampleGroupsAreReadFromTheRunsAuditFolder() throws Exception {
        RunLayout layout = write(dir, "demo", 0);
        List<AuditExamples.Group> groups = List.of(new AuditExamples.Group("exact_duplicate", 1, true, List.of(
                new AuditExamples.Member("train", "happy", "train/happy/a.png", "iVBORw0KGgo="),
                new AuditExamples.Member("test", "happy", "test/happy/a.png", "iVBORw0KGgo="))));
        java.nio.file.Files.createDirectories(layout.auditDir("faces", 32));
        JsonFiles.write(layout.auditDir("faces", 32).resolve(AuditExamples.FILE), groups, false);
        RunFolder run = RunFolder.read(layout.suiteDir());
        assertEquals(groups, run.auditExamples("faces", 32));
        assertTrue(run.auditExamples("faces", 48).isEmpty(), "another image size has its own audit");
    }
}
