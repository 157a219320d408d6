package io.ferbench.reports.html;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the page draws, computed here rather than in the browser (the page only lays it out):
 * one field per section of the report. Serialised with {@link ScriptJson} into the page.
 */
record ReportData(Header.View header, VerdictMatrix.View verdict, Leaderboard.View leaderboard,
                  FrameworkComparison.View comparison, List<CellDetails.Detail> cells, List<Sweeps.Sweep> sweeps,
                  List<DatasetViews.View> datasets) {

    static ReportData of(List<RunFolder> runs, TsneEmbeddings tsne, Instant generated) {
        List<ReportCell> cells = ReportCell.of(runs);
        Axes axes = Axes.of(cells);
        Map<String, String> datasetKeys = new HashMap<>();
        List<DatasetViews.View> datasets = DatasetViews.of(cells, datasetKeys);
        // t-SNE is the slow part (seconds a cell when not cached): embed the cells in parallel; best cells first
        List<CellDetails.Detail> details = new ArrayList<>(Leaderboard.ranked(cells).parallelStream()
                .map(c -> CellDetails.of(c, datasetKeys.get(c.key()), tsne)).toList());
        return new ReportData(Header.of(runs, cells, generated), VerdictMatrix.of(cells, axes),
                Leaderboard.of(cells, axes, runs.size()), FrameworkComparison.of(cells, axes), details,
                Sweeps.of(cells, axes), datasets);
    }
}
