package io.ferbench.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferbench.api.result.BuildInfo;
import io.ferbench.api.result.CellResult;
import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.RunLayout;
import io.ferbench.reports.html.TsneEmbeddings;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
    @TempDir Path dir;

    private static final String MULTILINE_ERROR = "the worker was killed by signal 9 (SIGKILL)\nlast lines of stderr.log:\n"
            + "at x, \"quoted\" <b>";

    static List<CSVRecord> readCsv(Path file) throws Exception {
        try (Reader r = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void resultsCsvHasOneRowPerCellWithEveryFigureOfAnOkCell() throws Exception {
        RunLayout layout = RunLayout.of(dir, "demo");
        List<CellResult> results = List.of(Fixtures.ok("c0", 0.75), Fixtures.diverged("c1"),
                Fixtures.failed("c2", "faces", MULTILINE_ERROR));
        RunReports.writeSuite(Fixtures.run(layout, results), new TsneEmbeddings());

        List<CSVRecord> rows = readCsv(layout.resultsCsv());
        assertEquals(3, rows.size());
        assertEquals(ResultsTable.headers(), rows.get(0).getParser().getHeaderNames());
        CSVRecord ok = rows.get(0);
        for (String column : ResultsTable.headers()) {
            // the fixture's peak is given (--peak-gflops), which names no kernel; EndToEndRunTest checks a measured one
            boolean mayBeEmpty = List.of("error", "diverged_epoch", "diverged_step", "peak_kernel").contains(column);
            assertTrue(mayBeEmpty || !ok.get(column).isEmpty(), "ok row leaves " + column + " empty");
        }
        assertEquals("ok", ok.get("status"));
        assertEquals("given", ok.get("peak_source"));
        assertEquals("", ok.get("peak_kernel"));
        assertEquals("0.75", ok.get("test_accuracy"));
        assertEquals("cpu", ok.get("device"));
        assertEquals("auto", ok.get("requested_device"));
        assertEquals("11170882", ok.get("params"));
        assertEquals("threads.intra_op=2", ok.get("configuration"));
        assertEquals("PyTorch 2.7.1", ok.get("backend_version"));
        assertEquals("2", ok.get("leak_exact_groups"));
        assertEquals("1", ok.get("label_conflict_groups"));
        BuildInfo build = BuildInfo.current();
        assertEquals(build.version(), ok.get("ferbench_version"), "the build that made the result");
        assertEquals(build.commit(), ok.get("git_commit"));
        assertEquals(Boolean.toString(build.dirty()), ok.get("git_dirty"));

        CSVRecord diverged = rows.get(1);
        assertEquals("diverged", diverged.get("status"));
        assertEquals("2", diverged.get("diverged_epoch"));
        assertEquals("", diverged.get("test_accuracy"));
        assertEquals("3.0", diverged.get("time_per_epoch_s"));

        CSVRecord failed = rows.get(2);
        assertEquals("failed", failed.get("status"));
        assertEquals(MULTILINE_ERROR, failed.get("error"), "multi-line errors with quotes survive the CSV quoting");
        assertEquals("", failed.get("macro_f1"));
        assertEquals("resnet18", failed.get("architecture"));
    }

    @Test
    void historyCsvHoldsEveryEpochOfEveryCellAndEachCellsOwn() throws Exception {
        RunLayout layout = RunLayout.of(dir, "demo");
        List<CellResult> results = List.of(Fixtures.ok("c0", 0.75), Fixtures.diverged("c1"),
                Fixtures.failed("c2", "faces", "x"));
        RunReports.writeSuite(Fixtures.run(layout, results), new TsneEmbeddings());
        RunReports.writeCell(layout, results.get(0));
        List<CSVRecord> all = readCsv(layout.historyCsv());
        assertEquals(4, all.size());
        assertEquals(List.of("c0", "c0", "c0", "c1"), all.stream().map(r -> r.get("cell_id")).toList());
        assertEquals("0.5", all.get(1).get("train_loss"));
        assertEquals("402.0", all.get(1).get("rss_mib"));
        assertEquals(3, readCsv(layout.cellHistoryCsv("c0")).size());
    }

    @Test
    void resultsJsonHasTypedRows() {
        RunLayout layout = RunLayout.of(dir, "demo");
        RunReports.writeSuite(Fixtures.run(layout, List.of(Fixtures.ok("c0", 0.75), Fixtures.failed("c2", "faces", "x"))),
                new TsneEmbeddings());
        JsonNode doc = JsonFiles.read(layout.resultsJson(), JsonNode.class);
        assertEquals("demo", doc.get("suite").asText());
        assertEquals(0.75, doc.get("rows").get(0).get("test_accuracy").asDouble());
        assertTrue(doc.get("rows").get(0).get("params").isIntegralNumber());
        assertTrue(doc.get("rows").get(1).get("test_accuracy").isNull());
    }

    @Test
    void htmlEscapeCoversTextAndAttributes() {
        assertEquals("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;", Html.escape("a & b <c> \"d\" 'e'"));
        assertEquals("", Html.escape(null));
        assertNull(ResultsTable.joined(java.util.Map.of()));
        assertEquals("a=1; b=2", ResultsTable.joined(java.util.Map.of("b", "2", "a", "1")));
    }
}
