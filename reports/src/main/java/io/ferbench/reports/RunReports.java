package io.ferbench.reports;

import io.ferbench.api.result.CellResult;
import io.ferbench.core.runner.RunLayout;
import io.ferbench.reports.html.ComparisonReport;
import io.ferbench.reports.html.RunFolder;
import io.ferbench.reports.html.TsneEmbeddings;
import java.util.List;

/** Writes the report files of a run folder; each file is replaced atomically. */
public final class RunReports {
    private RunReports() {}

    /**
     * The suite-level files: {@code results.csv}, {@code results.json}, {@code history.csv},
     * {@code report.html}.
     *
     * @param tsne embeddings computed so far (each cell's is computed once and kept)
     */
    public static void writeSuite(RunFolder run, TsneEmbeddings tsne) {
        RunLayout layout = run.layout();
        List<CellResult> results = run.results();
        CsvFiles.write(layout.resultsCsv(), ResultsTable.COLUMNS, results);
        ResultsJson.write(layout.resultsJson(), run.suite(), results);
        CsvFiles.write(layout.historyCsv(), HistoryTable.COLUMNS, HistoryTable.rows(results));
        ComparisonReport.write(layout.reportHtml(), List.of(run), tsne);
    }

    /** The cell's own {@code history.csv} beside its {@code result.json}. */
    public static void writeCell(RunLayout layout, CellResult result) {
        CsvFiles.write(layout.cellHistoryCsv(result.cellId()), HistoryTable.COLUMNS,
                HistoryTable.rows(List.of(result)));
    }
}
