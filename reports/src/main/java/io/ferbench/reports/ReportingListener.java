package io.ferbench.reports;

import io.ferbench.api.result.CellResult;
import io.ferbench.worker.RunLayout;
import io.ferbench.runner.RunListener;
import io.ferbench.runner.RunSummary;
import io.ferbench.api.cell.Cell;
import io.ferbench.suite.SuitePlan;
import io.ferbench.reports.html.RunFolder;
import io.ferbench.reports.html.TsneEmbeddings;
import java.util.List;

/**
 * Keeps a run folder's reports current: after every finished cell (and at the end, also of an
 * interrupted run) every suite-level file is rewritten from all results so far, so that a run
 * stopped at any moment leaves an up-to-date {@code results.csv} and {@code report.html}. Each
 * cell's t-SNE embedding is computed once, when the cell finishes, and reused by later rewrites.
 */
public final class ReportingListener implements RunListener {
    private final TsneEmbeddings tsne = new TsneEmbeddings();
    private RunLayout layout;
    private SuitePlan plan;

    @Override public void runStarted(RunLayout layout, SuitePlan plan, List<Cell> toRun, List<CellResult> kept) {
        this.layout = layout;
        this.plan = plan;
        if (!kept.isEmpty()) RunReports.writeSuite(RunFolder.of(layout, plan, kept), tsne);
    }

    @Override public void cellFinished(CellResult result, List<CellResult> results) {
        RunReports.writeCell(layout, result);
        RunReports.writeSuite(RunFolder.of(layout, plan, results), tsne);
    }

    @Override public void runFinished(RunSummary summary) {
        RunReports.writeSuite(RunFolder.of(summary.layout(), plan, summary.results()), tsne);
    }
}
