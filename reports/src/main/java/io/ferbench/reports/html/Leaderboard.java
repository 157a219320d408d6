package io.ferbench.reports.html;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.InferenceTiming;
import io.ferbench.api.result.TestMetrics;
import io.ferbench.api.result.Timing;
import io.ferbench.reports.ResultsTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Section 2: one row a cell with its configuration, quality, speed, cost and status. Ok cells come
 * first, by test accuracy (then macro F1); diverged and failed cells follow with their error, never
 * hidden. In every figure column where a direction is better, the best value among the ok cells is
 * marked (when at least two ok cells have the figure and they are not all equal). The page sorts and
 * filters the rows.
 */
final class Leaderboard {
    /** Which way a figure improves; null for columns that are not ranked. */
    enum Better { max, min }

    /**
     * A column as the page draws it.
     *
     * @param format how the page prints the value: {@code text}, {@code status}, {@code integer},
     *               {@code number} (three significant digits), {@code fixed1..3}, {@code percent} (×100, two
     *               decimals), {@code percent1}, {@code millions}, {@code ms}, {@code mb}
     * @param shown  whether the page shows it at first; the others wait behind a toggle
     */
    record Column(String key, String label, String title, String format, Better better, boolean shown) {
        Column shown(boolean on) {
            return new Column(key, label, title, format, better, on);
        }
    }

    record Row(String cell, String id, int run, Integer rank, String status, String error, Map<String, Object> values,
               List<String> best) {}

    record View(List<Column> columns, List<Row> rows) {}

    private record Definition(Column column, Function<ReportCell, Object> value) {}

    /** The columns shown at first, chosen so that the table fits 1,400 px: the figures that decide, and the names. */
    private static final Set<String> FIRST_SHOWN = Set.of("run", "cell", "backend", "architecture", "settings",
            "accuracy", "f1", "epoch_s", "train_ips", "latency", "memory");
    /** Shown at first only when they differ between rows: a constant column tells the rows apart no more. */
    private static final Set<String> SHOWN_WHEN_VARYING = Set.of("dataset", "lr", "batch", "epochs", "to_target",
            "status");

    private Leaderboard() {}

    static View of(List<ReportCell> cells, Axes axes, int runs) {
        List<Definition> definitions = definitions(axes, runs);
        List<ReportCell> ranked = ranked(cells);
        List<Row> rows = new ArrayList<>();
        int rank = 0;
        for (ReportCell c : ranked) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Definition d : definitions) values.put(d.column().key(), d.value().apply(c));
            rows.add(new Row(c.key(), c.id(), c.run(), c.ok() ? ++rank : null, c.result().status().label(),
                    c.result().error(), values, new ArrayList<>()));
        }
        for (Definition d : definitions) markBest(d.column(), rows);
        return new View(definitions.stream().map(d -> d.column().shown(shownAtFirst(d.column().key(), rows))).toList(),
                rows);
    }

    private static boolean shownAtFirst(String key, List<Row> rows) {
        if (FIRST_SHOWN.contains(key)) return true;
        return SHOWN_WHEN_VARYING.contains(key) && rows.stream().map(r -> r.values().get(key)).distinct().count() > 1;
    }

    /** Ok cells by test accuracy, then macro F1; then diverged and failed cells in report order. */
    static List<ReportCell> ranked(List<ReportCell> cells) {
        List<ReportCell> ranked = new ArrayList<>(cells.stream().filter(ReportCell::ok)
                .sorted(Comparator.comparingDouble((ReportCell c) -> c.result().test().accuracy())
                        .thenComparingDouble(c -> c.result().test().macroF1()).reversed())
                .toList());
        ranked.addAll(cells.stream().filter(c -> c.result().status() == CellStatus.DIVERGED).toList());
        ranked.addAll(cells.stream().filter(c -> c.result().status() == CellStatus.FAILED).toList());
        return ranked;
    }

    private static void markBest(Column column, List<Row> rows) {
        if (column.better() == null) return;
        List<Row> candidates = rows.stream().filter(r -> r.status().equals(CellStatus.OK.label())
                && r.values().get(column.key()) instanceof Number).toList();
        if (candidates.size() < 2) return;
        Comparator<Row> order = Comparator.comparingDouble(r -> ((Number) r.values().get(column.key())).doubleValue());
        double max = ((Number) candidates.stream().max(order).orElseThrow().values().get(column.key())).doubleValue();
        double min = ((Number) candidates.stream().min(order).orElseThrow().values().get(column.key())).doubleValue();
        if (max == min) return; // all equal (the same model's parameters): nothing stands out
        double bestValue = column.better() == Better.max ? max : min;
        for (Row r : candidates) {
            if (((Number) r.values().get(column.key())).doubleValue() == bestValue) r.best().add(column.key());
        }
    }

    private static List<Definition> definitions(Axes axes, int runs) {
        List<Definition> d = new ArrayList<>();
        if (runs > 1) d.add(text("run", "run", "the results folder the cell comes from (numbered as in the header)",
                c -> Integer.toString(c.run() + 1)));
        d.add(text("cell", "cell", "cell id: click to see its curves, confusion matrix, ROC curves and t-SNE",
                ReportCell::id));
        d.add(text("backend", "backend", "backend and the device it used",
                c -> c.cell().backend() + " (" + ResultsTable.device(c.result()) + ")"));
        d.add(text("architecture", "architecture", "network and width multiplier", c -> architecture(c.cell())));
        d.add(text("dataset", "dataset", "dataset, image size and number of classes", Leaderboard::dataset));
        d.add(number("lr", "lr", "learning rate", "number", null, c -> c.cell().training().optimizer().learningRate()));
        d.add(number("batch", "batch", "training batch size", "integer", null, c -> c.cell().training().batchSize()));
        d.add(number("epochs", "epochs", "epochs run (of the epoch budget, which early stopping may cut short)",
                "integer", null, c -> c.result().training() == null ? null : c.result().training().epochsRun()));
        List<String> others = axes.varyingExcept(List.of(Axes.BACKEND, Axes.ARCHITECTURE, Axes.DATASET,
                Axes.LEARNING_RATE, "batch_size", "epochs", "width_multiplier", "image_size"));
        if (!others.isEmpty()) {
            d.add(text("settings", "settings", "the suite's other axes that vary: " + String.join(", ", others),
                    c -> Axes.label(c, others)));
        }
        d.add(test("accuracy", "test acc.", "test accuracy", "percent", TestMetrics::accuracy));
        d.add(test("f1", "macro F1", "macro-averaged F1 on the test split", "fixed3", TestMetrics::macroF1));
        d.add(test("precision", "precision", "macro-averaged precision", "fixed3", TestMetrics::macroPrecision));
        d.add(test("recall", "recall", "macro-averaged recall", "fixed3", TestMetrics::macroRecall));
        d.add(test("auc", "AUC", "mean one-vs-rest ROC AUC over the classes", "fixed3", TestMetrics::macroAuc));
        d.add(number("to_target", "to target", "time to accuracy: wall time (training and validation) until the "
                        + "validation accuracy first reached the cell's target_accuracy; empty if never or no target",
                "fixed1", Better.min, c -> c.result().timeToTarget() == null ? null
                        : c.result().timeToTarget().seconds()));
        d.add(timing("epoch_s", "s / epoch", "median epoch time (training and validation) after the warm-up epoch",
                "fixed2", Better.min, Timing::medianEpochSeconds));
        d.add(timing("train_ips", "train img/s", "training throughput: images per second of training steps",
                "fixed1", Better.max, Timing::trainImagesPerSecond));
        d.add(inference("infer_ips", "infer img/s", "inference throughput at the training batch size",
                "fixed1", Better.max, InferenceTiming::imagesPerSecond));
        d.add(inference("latency", "latency", "one-image inference latency, median", "ms", Better.min,
                InferenceTiming::latencyP50Ms));
        d.add(timing("gflops", "GFLOP/s", "achieved training GFLOP/s (6 × MACs per trained image)", "fixed2",
                Better.max, Timing::trainGflops));
        d.add(timing("peak", "% peak", "share of the backend's own fp32 peak (the faster of its matrix multiply and "
                        + "1x1 convolution), measured on the same device and threads (or the peak given with "
                        + "ferbench run --peak-gflops)", "percent1",
                Better.max, Timing::peakShare));
        d.add(timing("overhead", "overhead", "harness overhead: share of the training time spent outside the "
                + "backend's step calls (batches, bookkeeping)", "percent1", Better.min, Timing::harnessOverheadShare));
        d.add(number("params", "params", "parameters (the same for every backend: counted from the model IR)",
                "millions", Better.min, c -> c.result().model() == null ? null : c.result().model().parameters()));
        d.add(number("macs", "MACs", "multiply-accumulates of one forward pass of one image", "millions",
                Better.min, c -> c.result().model() == null ? null : c.result().model().macs()));
        d.add(number("memory", "peak mem.", "peak resident memory of the worker JVM, heap and native", "mb",
                Better.min, c -> c.result().peakRssMb()));
        d.add(new Definition(new Column("status", "status", "ok, diverged (NaN or infinite loss) or failed",
                "status", null, true), c -> c.result().status().label()));
        return d;
    }

    static String architecture(Cell c) {
        double width = c.network().widthMultiplier();
        return c.architecture() + (width == 1.0 ? "" : " ×" + width);
    }

    private static String dataset(ReportCell c) {
        CellResult r = c.result();
        Integer classes = r.dataset() != null ? Integer.valueOf(r.dataset().classNames().size())
                : r.cell().dataset().classes().isEmpty() ? null : r.cell().dataset().classes().size();
        return r.cell().dataset().name() + " · " + r.cell().dataset().imageSize() + " px" + (classes == null ? "" : " · " + classes
                + " classes");
    }

    private static Definition text(String key, String label, String title, Function<ReportCell, Object> value) {
        return new Definition(new Column(key, label, title, "text", null, true), value);
    }

    private static Definition number(String key, String label, String title, String format, Better better,
                                     Function<ReportCell, Object> value) {
        return new Definition(new Column(key, label, title, format, better, true), value);
    }

    private static Definition test(String key, String label, String title, String format,
                                   Function<TestMetrics, Object> value) {
        return number(key, label, title, format, Better.max,
                c -> c.result().test() == null ? null : value.apply(c.result().test()));
    }

    private static Definition timing(String key, String label, String title, String format, Better better,
                                     Function<Timing, Object> value) {
        return number(key, label, title, format, better,
                c -> c.result().timing() == null ? null : value.apply(c.result().timing()));
    }

    private static Definition inference(String key, String label, String title, String format, Better better,
                                        Function<InferenceTiming, Object> value) {
        return number(key, label, title, format, better, c -> c.result().timing() == null
                || c.result().timing().inference() == null ? null : value.apply(c.result().timing().inference()));
    }
}
