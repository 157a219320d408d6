package io.ferbench.reports.html;

import io.ferbench.worker.AtomicFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code report.html}, the comparison report: one self-contained file that opens offline from disk,
 * with the run's header, the leaderboard, the framework comparison, every cell in depth, the sweeps
 * and the datasets. The data is computed here and inlined as JSON; the page lays it out with the
 * inlined Apache ECharts library. It can be built from one run folder or several merged, also while
 * a run is going on or after it was interrupted.
 */
public final class ComparisonReport {
    private ComparisonReport() {}

    /** Writes the report of {@code runs} to {@code file}, atomically. */
    public static void write(Path file, List<RunFolder> runs, TsneEmbeddings tsne) {
        AtomicFiles.writeString(file, render(runs, tsne, Instant.now()));
    }

    /** The report of {@code runs} as HTML text. */
    public static String render(List<RunFolder> runs, TsneEmbeddings tsne, Instant generated) {
        if (runs.isEmpty()) throw new IllegalArgumentException("a report needs at least one run folder");
        ReportData data = ReportData.of(runs, tsne, generated);
        return HtmlPage.render(data.header().title(), Header.summary(data.header().counts()), ScriptJson.write(data));
    }
}
