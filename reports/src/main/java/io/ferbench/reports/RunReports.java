package io.ferbench.reports;

import io.ferbench.api.result.CellResult;
import io.ferbench.worker.RunLayout;
import io.ferbench.reports.html.ComparisonReport;
import io.ferbench.reports.html.RunFolder;
import io.ferbench.reports.html.TsneEmbeddings;
import java.util.List;

/** Writes the report files of a run folder; each file is replaced atomically. */
public final class RunReports {
    private RunReports() {}

    /**
     * The suite-level files: {@code results.csv}, {@code results.json}, {@code history.csv},
     * {@code report.html}. A report that cannot be built is a warning on standard error, not a failure:
     * the data files are written first, and {@code ferbench report} rebuilds the report from them.
     *
     * @param tsne embeddings computed so far (each cell's is computed once and kept)
     */
    public static void writeSuite(RunFolder run, TsneEmbeddings tsne) {
        RunLayout layout = run.layout();
        List<CellResult> results = run.results();
        CsvFiles.write(layout.resultsCsv(), ResultsTable.COLUMNS, results);
        ResultsJson.write(layout.resultsJson(), run.suite(), results);
        CsvFiles.write(layout.historyCsv(), HistoryTable.COLUMNS, HistoryTable.rows(results));
        try {
            ComparisonReport.write(layout.reportHtml(), List.of(run), tsne);
        } catch (java.io.UncheckedIOException e) {
            throw e;  // the file could not be written (a full disk): the caller names it in one line
        } catch (RuntimeException e) {
            // the results are safe in the files above; a report problem must not end a long run
            System.err.println("warning: could not write " + layout.reportHtml() + " (rebuild it later with "
                    + "'ferbench report " + layout.suiteDir() + "'):");
            e.printStackTrace();
        }
    }

    /** The cell's own {@code history.csv} beside its {@code result.json}. */
    public static void writeCell(RunLayout layout, CellResult result) {
        CsvFiles.write(layout.cellHistoryCsv(result.cellId()), HistoryTable.COLUMNS,
                HistoryTable.rows(List.of(result)));
    }
}
