package io.ferbench.study;

import io.ferbench.api.result.CellResult;
import io.ferbench.worker.RunLayout;
import io.ferbench.runner.RunListener;
import io.ferbench.runner.RunSummary;
import io.ferbench.study.stats.Summary;
import io.ferbench.study.stats.WelchTest;
import io.ferbench.api.cell.Cell;
import io.ferbench.suite.SuitePlan;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Keeps the analysis files current as cells finish, and at the end of a run prints what they conclude: the
 * learning rate each sweep selected and every backend difference with its Welch test.
 */
public final class AnalysisListener implements RunListener {
    private final PrintWriter out;
    private RunLayout layout;

    /** @param out where the closing summary goes, or null for none */
    public AnalysisListener(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void runStarted(RunLayout layout, SuitePlan plan, List<Cell> toRun, List<CellResult> kept) {
        this.layout = layout;
    }

    @Override
    public void cellFinished(CellResult result, List<CellResult> results) {
        write(results);
    }

    @Override
    public void runFinished(RunSummary summary) {
        StudyAnalysis analysis = write(summary.results());
        if (out != null && analysis != null) {
            print(analysis, out);
            out.flush();
        }
    }

    /**
     * The analysis, written; null when it could not be made. The analyses are a reading of results that are already
     * safe on disk, so a failure here is reported and the run goes on.
     */
    private StudyAnalysis write(List<CellResult> results) {
        try {
            StudyAnalysis analysis = StudyAnalysis.of(results);
            AnalysisFiles.write(analysis, layout.suiteDir());
            return analysis;
        } catch (java.io.UncheckedIOException e) {
            throw e;  // a file that cannot be written (a full disk): the coordinator names it with the others
        } catch (RuntimeException e) {
            System.err.println("warning: could not write the analysis files in " + layout.suiteDir() + ": " + e);
            return null;
        }
    }

    /** The conclusions in a few lines; nothing when the run has no sweep and no backend comparison. */
    static void print(StudyAnalysis analysis, PrintWriter out) {
        if (!analysis.learningRates().isEmpty()) {
            out.println("Learning rate selected by validation accuracy (of the tested weights):");
            for (StudyAnalysis.LearningRateChoice choice : analysis.learningRates()) {
                StudyAnalysis.Point best = choice.points().stream()
                        .filter(p -> p.x() != null && p.x() == choice.winner()).findFirst().orElseThrow();
                out.println("  " + choice.group() + ": " + best.label() + " (validation accuracy "
                        + interval(best.validationAccuracy()) + ", of " + choice.points().size() + " rates)");
            }
        }
        if (!analysis.backends().isEmpty()) {
            out.println("Backends compared on test accuracy (Welch's t-test, significant when p < "
                    + WelchTest.ALPHA + "):");
            for (StudyAnalysis.BackendDifference d : analysis.backends()) {
                WelchTest w = d.test();
                out.println("  " + d.group() + ": " + d.first() + " " + interval(d.firstAccuracy()) + " vs "
                        + d.second() + " " + interval(d.secondAccuracy()) + ": " + (w == null
                        ? "not testable (needs repeats: 2 or more)"
                        : String.format(Locale.ROOT, "difference %+.4f, t = %.3f, p = %.4f, %s", w.meanDifference(),
                        w.t(), w.p(), w.significant() ? "significant" : "not significant")));
            }
        }
    }

    /** {@code 0.7412 ± 0.0123 (95 % CI 0.71–0.77, n = 3)}, or the single value. */
    static String interval(Summary s) {
        if (s.sd() == null) return String.format(Locale.ROOT, "%.4f (n = 1)", s.mean());
        return String.format(Locale.ROOT, "%.4f ± %.4f (95%% CI %.4f to %.4f, n = %d)", s.mean(), s.sd(), s.ciLow(),
                s.ciHigh(), s.n());
    }
}
