package io.ferbench.reports.html;

import io.ferbench.api.result.CellConfig;
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

    CellConfig config() { return result.config(); }

    boolean ok() { return result.status() == CellStatus.OK; }

    /**
     * The value of a matrix axis as the suite wrote it ({@code 0.001}, {@code resnet18}); from the
     * configuration for results that do not record it, and {@code unknown} for an axis the
     * configuration does not hold either.
     */
    String axis(String name) {
        String value = config().axes().get(name);
        if (value != null) return value;
        CellConfig c = config();
        Object fromConfig = switch (name) {
            case Axes.BACKEND -> c.backend();
            case Axes.ARCHITECTURE -> c.architecture();
            case Axes.DATASET -> c.dataset();
            case Axes.SEED -> c.seed() - c.repeat();
            case Axes.LEARNING_RATE -> c.optimizer().learningRate();
            case "width_multiplier" -> c.widthMultiplier();
            case "device" -> c.device();
            case "threads" -> c.threads();
            case "image_size" -> c.imageSize();
            case "batch_size" -> c.batchSize();
            case "epochs" -> c.maxEpochs();
            case "optimizer" -> c.optimizer().type();
            case "beta1" -> c.optimizer().beta1();
            case "beta2" -> c.optimizer().beta2();
            case "epsilon" -> c.optimizer().epsilon();
            case "weight_decay" -> c.optimizer().weightDecay();
            case "early_stopping" -> c.earlyStopping().enabled();
            case "monitor" -> c.earlyStopping().monitor();
            case "patience" -> c.earlyStopping().patience();
            case "min_delta" -> c.earlyStopping().minDelta();
            case "restore_best" -> c.earlyStopping().restoreBest();
            default -> null;
        };
        return fromConfig == null ? "unknown" : String.valueOf(fromConfig);
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
