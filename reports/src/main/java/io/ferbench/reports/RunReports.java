package io.ferbench.reports;

import io.ferbench.api.result.CellResult;
import io.ferbench.core.runner.RunLayout;
import java.util.List;

/** Writes the report files of a run folder; each file is replaced atomically. */
public final class RunReports {
    private RunReports() {}

    /** The suite-level files: {@code results.csv}, {@code results.json}, {@code history.csv}, {@code report.html}. */
    public static void writeSuite(RunLayout layout, String suite, List<CellResult> results) {
        CsvFiles.write(layout.resultsCsv(), ResultsTable.COLUMNS, results);
        ResultsJson.write(layout.resultsJson(), suite, results);
        CsvFiles.write(layout.historyCsv(), HistoryTable.COLUMNS, HistoryTable.rows(results));
        HtmlReport.write(layout.reportHtml(), suite, results);
    }

    /** The cell's own {@code history.csv} beside its {@code result.json}. */
    public static void writeCell(RunLayout layout, CellResult result) {
        CsvFiles.write(layout.cellHistoryCsv(result.cellId()), HistoryTable.COLUMNS,
                HistoryTable.rows(List.of(result)));
    }
}
