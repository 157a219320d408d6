package io.ferbench.reports;

import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.result.AuditCounts;
import io.ferbench.api.result.BuildInfo;
import io.ferbench.api.cell.Axis;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.InferenceTiming;
import io.ferbench.api.result.TestMetrics;
import io.ferbench.api.result.TimeToAccuracy;
import io.ferbench.api.result.Timing;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of {@code results.csv} and {@code results.json}: one row a cell, with its
 * configuration, status, test metrics, timings, model cost, memory and versions. Units are in the
 * names ({@code _s} seconds, {@code _ms} milliseconds, {@code _mib} mebibytes); figures follow the
 * conventions of {@link io.ferbench.api.result.Timing} (first epoch is warm-up; 6 × MACs FLOPs per
 * trained image).
 */
public final class ResultsTable {
    public static final List<Column<CellResult>> COLUMNS = List.of(
            Column.of("cell_id", CellResult::cellId),
            cell("suite", Cell::suite),
            cell("index", Cell::index),
            cell("repeat", Cell::repeat),
            axis("dataset", Axis.DATASET),
            cell("dataset_kind", c -> c.dataset().kind()),
            axis("image_size", Axis.IMAGE_SIZE),
            cell("channels", c -> c.dataset().channels()),
            Column.of("classes", ResultsTable::classCount),
            axis("images_per_class", Axis.IMAGES_PER_CLASS),
            Column.of("train_images", r -> r.dataset() == null ? null : r.dataset().trainSize()),
            Column.of("validation_images", r -> r.dataset() == null ? null : r.dataset().validationSize()),
            Column.of("test_images", r -> r.dataset() == null ? null : r.dataset().testSize()),
            Column.of("skipped_images", r -> r.dataset() == null ? null : r.dataset().skippedImages()),
            audit("leak_exact_groups", AuditCounts::exactLeakGroups),
            audit("leak_near_groups", AuditCounts::nearLeakGroups),
            audit("label_conflict_groups", AuditCounts::labelConflicts),
            audit("degenerate_images", AuditCounts::degenerate),
            audit("dropped_images", AuditCounts::dropped),
            axis("architecture", Axis.ARCHITECTURE),
            axis("width_multiplier", Axis.WIDTH_MULTIPLIER),
            axis("stem", Axis.STEM),
            axis("backend", Axis.BACKEND),
            Column.of("device", ResultsTable::device),
            axis("requested_device", Axis.DEVICE),
            axis("threads", Axis.THREADS),
            axis("batch_size", Axis.BATCH_SIZE),
            axis("max_epochs", Axis.EPOCHS),
            axis("optimizer", Axis.OPTIMIZER),
            axis("learning_rate", Axis.LEARNING_RATE),
            axis("lr_schedule", Axis.LR_SCHEDULE),
            axis("warmup_epochs", Axis.WARMUP_EPOCHS),
            axis("beta1", Axis.BETA1),
            axis("beta2", Axis.BETA2),
            axis("epsilon", Axis.EPSILON),
            axis("weight_decay", Axis.WEIGHT_DECAY),
            axis("label_smoothing", Axis.LABEL_SMOOTHING),
            axis("early_stopping", Axis.EARLY_STOPPING),
            axis("monitor", Axis.MONITOR),
            axis("patience", Axis.PATIENCE),
            axis("min_delta", Axis.MIN_DELTA),
            axis("restore_best", Axis.RESTORE_BEST),
            axis("target_accuracy", Axis.TARGET_ACCURACY),
            cell("seed", Cell::seed),
            cell("timeout_s", c -> c.execution().timeoutSeconds()),
            Column.of("status", r -> r.status().label()),
            Column.of("error", CellResult::error),
            Column.of("diverged_epoch", r -> r.divergence() == null ? null : r.divergence().epoch()),
            Column.of("diverged_step", r -> r.divergence() == null ? null : r.divergence().step()),
            test("test_accuracy", TestMetrics::accuracy),
            test("test_loss", TestMetrics::loss),
            test("macro_precision", TestMetrics::macroPrecision),
            test("macro_recall", TestMetrics::macroRecall),
            test("macro_f1", TestMetrics::macroF1),
            test("weighted_precision", TestMetrics::weightedPrecision),
            test("weighted_recall", TestMetrics::weightedRecall),
            test("weighted_f1", TestMetrics::weightedF1),
            test("macro_auc", TestMetrics::macroAuc),
            Column.of("epochs_run", r -> r.training() == null ? null : r.training().epochsRun()),
            Column.of("best_epoch", r -> r.training() == null ? null : r.training().bestEpoch()),
            Column.of("stopped_early", r -> r.training() == null ? null : r.training().stoppedEarly()),
            Column.of("restored_best", r -> r.training() == null ? null : r.training().restoredBest()),
            toTarget("epochs_to_target", TimeToAccuracy::epochs),
            toTarget("time_to_target_s", TimeToAccuracy::seconds),
            timing("time_per_epoch_s", Timing::medianEpochSeconds),
            timing("first_epoch_s", Timing::firstEpochSeconds),
            timing("measured_epochs", Timing::measuredEpochs),
            timing("train_images_per_s", Timing::trainImagesPerSecond),
            inference("inference_batch_size", InferenceTiming::batchSize),
            inference("inference_images_per_s", InferenceTiming::imagesPerSecond),
            inference("latency_p50_ms", InferenceTiming::latencyP50Ms),
            inference("latency_p99_ms", InferenceTiming::latencyP99Ms),
            inference("batch_latency_p50_ms", InferenceTiming::batchLatencyP50Ms),
            inference("batch_latency_p99_ms", InferenceTiming::batchLatencyP99Ms),
            timing("achieved_gflops", Timing::trainGflops),
            timing("peak_gflops", Timing::peakGflops),
            timing("peak_share", Timing::peakShare),
            timing("peak_source", Timing::peakSource),
            timing("peak_kernel", t -> t.peakKernel() == null ? null : t.peakKernel().description()),
            timing("harness_overhead_share", Timing::harnessOverheadShare),
            inference("inference_gflops", InferenceTiming::gflops),
            Column.of("params", r -> r.model() == null ? null : r.model().parameters()),
            Column.of("macs", r -> r.model() == null ? null : r.model().macs()),
            Column.of("peak_rss_mib", CellResult::peakRssMb),
            backend("framework", BackendInfo::framework),
            backend("backend_version", BackendInfo::nativeVersion),
            backend("configuration", b -> joined(b.configuration())),
            cell("backend_settings", c -> joined(c.execution().backendSettings())),
            cell("axes", c -> joined(c.axes())),
            Column.of("cpu", r -> r.environment() == null ? null : r.environment().cpuModel()),
            Column.of("cores", r -> r.environment() == null ? null : r.environment().logicalCores()),
            Column.of("jvm", r -> r.environment() == null ? null : r.environment().jvm()),
            Column.of("os", r -> r.environment() == null ? null : r.environment().os()),
            build("ferbench_version", BuildInfo::version),
            build("git_commit", BuildInfo::commit),
            build("git_dirty", BuildInfo::dirty),
            Column.of("wall_s", CellResult::wallSeconds),
            Column.of("started_at", CellResult::startedAt),
            Column.of("finished_at", CellResult::finishedAt));

    private ResultsTable() {}

    public static List<String> headers() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    /** Classes the cell used; the suite's subset when the dataset was never loaded; null when unknown. */
    static Integer classCount(CellResult r) {
        if (r.dataset() != null) return r.dataset().classNames().size();
        return r.cell().dataset().classes().isEmpty() ? null : r.cell().dataset().classes().size();
    }

    /** The device the backend actually used, or the requested one when the backend never started. */
    public static String device(CellResult r) {
        BackendInfo b = r.environment() == null ? null : r.environment().backend();
        return b != null && b.device() != null ? b.device() : r.cell().execution().device().toString();
    }

    /** {@code key=value} pairs in key order, separated by "; " (empty map: null). */
    public static String joined(Map<String, String> map) {
        if (map == null || map.isEmpty()) return null;
        return new TreeMap<>(map).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    private static Column<CellResult> cell(String name, Function<Cell, Object> f) {
        return Column.of(name, r -> f.apply(r.cell()));
    }

    /** A column that reads one axis from the cell: the same value the report and the analyses show. */
    private static Column<CellResult> axis(String name, Axis axis) {
        return Column.of(name, r -> axis.read(r.cell()));
    }

    private static Column<CellResult> test(String name, Function<TestMetrics, Object> f) {
        return Column.of(name, r -> r.test() == null ? null : f.apply(r.test()));
    }

    /** An audit count of the cell's dataset; empty when the dataset was not audited. */
    private static Column<CellResult> audit(String name, Function<AuditCounts, Object> f) {
        return Column.of(name, r -> r.dataset() == null || r.dataset().audit() == null ? null
                : f.apply(r.dataset().audit()));
    }

    private static Column<CellResult> timing(String name, Function<Timing, Object> f) {
        return Column.of(name, r -> r.timing() == null ? null : f.apply(r.timing()));
    }

    /** Time to the target accuracy; empty when the cell set no target or never reached it. */
    private static Column<CellResult> toTarget(String name, Function<TimeToAccuracy, Object> f) {
        return Column.of(name, r -> r.timeToTarget() == null ? null : f.apply(r.timeToTarget()));
    }

    private static Column<CellResult> inference(String name, Function<InferenceTiming, Object> f) {
        return Column.of(name, r -> r.timing() == null || r.timing().inference() == null ? null
                : f.apply(r.timing().inference()));
    }

    private static Column<CellResult> backend(String name, Function<BackendInfo, Object> f) {
        return Column.of(name, r -> r.environment() == null || r.environment().backend() == null ? null
                : f.apply(r.environment().backend()));
    }

    /** What built the ferbench that produced the result; empty for results written before it was recorded. */
    private static Column<CellResult> build(String name, Function<BuildInfo, Object> f) {
        return Column.of(name, r -> r.build() == null ? null : f.apply(r.build()));
    }
}
