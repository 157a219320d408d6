package io.ferbench.reports.compare;

import io.ferbench.api.names.DidYouMean;
import io.ferbench.api.result.CellResult;
import io.ferbench.reports.Column;
import io.ferbench.reports.ResultsTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A figure two runs are compared on: a numeric column of {@code results.csv} (same name, same value) and whether a
 * higher value is better.
 */
public record Metric(String name, boolean higherIsBetter, Column<CellResult> column) {
    private static final Map<String, Metric> ALL = new LinkedHashMap<>();
    static {
        for (String name : List.of("test_accuracy", "macro_precision", "macro_recall", "macro_f1", "weighted_precision",
                "weighted_recall", "weighted_f1", "macro_auc", "train_images_per_s", "inference_images_per_s",
                "achieved_gflops", "peak_share", "inference_gflops")) {
            add(name, true);
        }
        for (String name : List.of("test_loss", "time_per_epoch_s", "first_epoch_s", "latency_p50_ms",
                "latency_p99_ms", "batch_latency_p50_ms", "batch_latency_p99_ms", "peak_rss_mib", "wall_s",
                "time_to_target_s", "epochs_to_target", "harness_overhead_share")) {
            add(name, false);
        }
    }

    /** Compared when {@code --metric} is not given: accuracy, training and inference speed, memory. */
    public static final List<String> DEFAULT = List.of("test_accuracy", "macro_f1", "train_images_per_s",
            "time_per_epoch_s", "inference_images_per_s", "latency_p50_ms", "peak_rss_mib");

    private static void add(String name, boolean higherIsBetter) {
        Column<CellResult> column = ResultsTable.COLUMNS.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("results.csv has no column " + name));
        ALL.put(name, new Metric(name, higherIsBetter, column));
    }

    /** Every metric that can be compared, by name. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /**
     * The metrics named; the error names an unknown one, the nearest valid name and every valid name.
     *
     * @throws IllegalArgumentException for a name that is not a comparable metric
     */
    public static List<Metric> of(List<String> names) {
        List<Metric> metrics = new ArrayList<>();
        for (String name : names) {
            Metric metric = ALL.get(name.strip());
            if (metric == null) {
                throw new IllegalArgumentException("--metric: '" + name.strip() + "' is not a metric that can be "
                        + "compared" + DidYouMean.hint(name.strip(), ALL.keySet()) + " (valid: "
                        + String.join(", ", ALL.keySet()) + ")");
            }
            if (!metrics.contains(metric)) metrics.add(metric);
        }
        return metrics;
    }

    /** The cell's value, or null when it has none (a failed cell, a figure not measured). */
    public Double read(CellResult result) {
        Object value = column.of(result);
        return value instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }

    /** {@code higher is better} or {@code lower is better}. */
    public String direction() {
        return higherIsBetter ? "higher is better" : "lower is better";
    }
}
