package io.ferbench.reports;

import io.ferbench.api.result.CellResult;
import io.ferbench.core.runner.RunLayout;
import io.ferbench.core.runner.RunListener;
import io.ferbench.core.runner.RunSummary;
import io.ferbench.core.suite.CellSpec;
import io.ferbench.core.suite.SuitePlan;
import java.util.List;

/**
 * Keeps a run folder's reports current: after every finished cell (and at the end, also of an
 * interrupted run) every suite-level file is rewritten from all results so far, so that a run
 * stopped at any moment leaves an up-to-date {@code results.csv}.
 */
public final class ReportingListener implements RunListener {
    private RunLayout layout;
    private String suite;

    @Override public void runStarted(RunLayout layout, SuitePlan plan, List<CellSpec> toRun, List<CellResult> kept) {
        this.layout = layout;
        this.suite = plan.name();
        if (!kept.isEmpty()) RunReports.writeSuite(layout, suite, kept);
    }

    @Override public void cellFinished(CellResult result, List<CellResult> results) {
        RunReports.writeCell(layout, result);
        RunReports.writeSuite(layout, suite, results);
    }

    @Override public void runFinished(RunSummary summary) {
        RunReports.writeSuite(summary.layout(), suite, summary.results());
    }
}
