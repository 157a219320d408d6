package io.ferbench.reports;

import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.EpochRecord;
import java.util.List;

/** The columns of {@code history.csv}: one row per epoch, with the cell it belongs to. */
public final class HistoryTable {
    /** An epoch of a cell. */
    public record Row(CellResult cell, EpochRecord epoch) {}

    public static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("cell_id", r -> r.cell().cellId()),
            new Column<>("dataset", r -> r.cell().cell().dataset().name()),
            new Column<>("architecture", r -> r.cell().cell().architecture()),
            new Column<>("backend", r -> r.cell().cell().backend()),
            new Column<>("epoch", r -> r.epoch().epoch()),
            new Column<>("train_loss", r -> r.epoch().trainLoss()),
            new Column<>("train_accuracy", r -> r.epoch().trainAccuracy()),
            new Column<>("val_loss", r -> r.epoch().valLoss()),
            new Column<>("val_accuracy", r -> r.epoch().valAccuracy()),
            new Column<>("epoch_s", r -> r.epoch().seconds()),
            new Column<>("train_s", r -> r.epoch().trainSeconds()),
            new Column<>("step_s", r -> r.epoch().stepSeconds()),
            new Column<>("data_s", r -> r.epoch().dataSeconds()),
            new Column<>("learning_rate", r -> r.epoch().learningRate()),
            new Column<>("rss_mib", r -> r.epoch().rssMb()),
            new Column<>("heap_mib", r -> r.epoch().heapMb()),
            new Column<>("native_mib", r -> r.epoch().nativeMb()));

    private HistoryTable() {}

    /** Every epoch of every cell, cell by cell. */
    public static List<Row> rows(List<CellResult> results) {
        return results.stream()
                .filter(r -> r.training() != null)
                .flatMap(r -> r.training().history().stream().map(e -> new Row(r, e)))
                .toList();
    }
}
