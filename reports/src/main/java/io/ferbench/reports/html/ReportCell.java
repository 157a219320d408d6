package io.ferbench.reports.html;

import io.ferbench.api.cell.Axis;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.result.TrainingSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * One result in a report, with a key that stays unique when several run folders are merged (the
 * same suite run on two machines has the same cell ids).
 *
 * @param key  the cell id, prefixed with the run's number ({@code 2/003-djl-...}) when the report merges runs
 * @param run  index of the run folder in the report, from 0
 */
record ReportCell(String key, int run, RunFolder folder, CellResult result) {

    static List<ReportCell> of(List<RunFolder> runs) {
        List<ReportCell> cells = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            for (CellResult r : runs.get(i).results()) {
                cells.add(new ReportCell(runs.size() == 1 ? r.cellId() : (i + 1) + "/" + r.cellId(), i, runs.get(i), r));
            }
        }
        return cells;
    }

    String id() { return result.cellId(); }

    Cell cell() { return result.cell(); }

    boolean ok() { return result.status() == CellStatus.OK; }

    /**
     * The value of a matrix axis as the suite wrote it ({@code 0.001}, {@code resnet18}); read from the cell for an
     * axis its suite did not record, and {@code unknown} for a name that is no axis.
     */
    String axis(String name) {
        return Axis.byKey(name).map(a -> a.text(cell())).orElseGet(() -> cell().axes().getOrDefault(name, "unknown"));
    }

    /** The epoch whose weights were tested: the restored best epoch, else the last one; null without history. */
    EpochRecord evaluatedEpoch() {
        TrainingSummary t = result.training();
        if (t == null || t.history().isEmpty()) return null;
        if (t.restoredBest() && t.bestEpoch() != null) {
            for (EpochRecord e : t.history()) if (e.epoch() == t.bestEpoch()) return e;
        }
        return t.history().get(t.history().size() - 1);
    }
}
