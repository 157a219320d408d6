package io.ferbench.reports.html;

import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.cell.Training;
import io.ferbench.api.cell.Network;
import io.ferbench.api.cell.Execution;
import io.ferbench.api.cell.Device;
import io.ferbench.api.cell.EarlyStoppingSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.result.FeatureSample;
import io.ferbench.api.result.TestMetrics;
import io.ferbench.api.result.Peak;
import io.ferbench.api.result.Timing;
import io.ferbench.api.result.TrainingSummary;
import io.ferbench.worker.RunLayout;
import io.ferbench.reports.Fixtures;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Results whose configuration follows a map of matrix axes, as a suite's cells would have. */
final class TestCells {
    private TestCells() {}

    /** The axes of a default cell (djl, resnet18, faces, lr 0.001, seed 1) with {@code changes} applied. */
    static Map<String, String> axes(String... changes) {
        Map<String, String> axes = new LinkedHashMap<>();
        axes.put("dataset", "faces");
        axes.put("architecture", "resnet18");
        axes.put("backend", "djl");
        axes.put("batch_size", "8");
        axes.put("learning_rate", "0.001");
        axes.put("seed", "1");
        for (int i = 0; i < changes.length; i += 2) axes.put(changes[i], changes[i + 1]);
        return axes;
    }

    static Cell config(String id, int index, Map<String, String> axes) {
        return new Cell("demo", id, index, 0, axes,
                new DatasetSpec(axes.get("dataset"), "synthetic", null, null, List.of(), 6, 32, true, null, 0),
                Network.of(axes.get("architecture")), Training.plain(Integer.parseInt(axes.get("batch_size")), 3,
                OptimizerSpec.adam(Double.parseDouble(axes.get("learning_rate"))),
                new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, 2, 0.0, true),
                Long.parseLong(axes.get("seed"))), new Execution(axes.get("backend"), Device.CPU, 0, 600, Map.of()));
    }

    /**
     * An ok cell with the given test accuracy and time per epoch (the fixture's other figures), its
     * validation accuracy at the best epoch (2 of 3, restored) equal to {@code valAccuracy}.
     */
    static CellResult ok(String id, int index, Map<String, String> axes, double accuracy, double epochSeconds,
                         double valAccuracy) {
        CellResult base = Fixtures.ok(id, accuracy);
        TestMetrics t = base.test();
        List<EpochRecord> history = List.of(
                new EpochRecord(1, 1.0, 0.3, 1.2, 0.3, 2.0, 1.5, 1e-3, 400.0),
                new EpochRecord(2, 0.8, 0.5, 0.9, valAccuracy, 2.0, 1.5, 1e-3, 401.0),
                new EpochRecord(3, 0.6, 0.6, 1.1, valAccuracy - 0.1, 2.0, 1.5, 1e-3, 402.0));
        Timing timing = new Timing(3.0, epochSeconds, 2, 240 / epochSeconds, 1.4, Peak.given(130), 0.0108, 0.01,
                base.timing().inference());
        return new CellResult(config(id, index, axes), CellStatus.OK, null, null, base.dataset(), base.model(),
                new TrainingSummary(3, 2, false, true, history), t, timing, base.peakRssMb(), base.environment(),
                null, base.startedAt(), base.finishedAt(), base.wallSeconds());
    }

    static CellResult failed(String id, int index, Map<String, String> axes, String error) {
        return Fixtures.failed(id, "faces", error).withCell(config(id, index, axes));
    }

    /** {@code n} random 16-dimensional feature vectors in {@code classes} well-separated clusters. */
    static FeatureSample features(int n, int classes, long seed) {
        Random random = new Random(seed);
        int[] labels = new int[n];
        float[][] vectors = new float[n][16];
        for (int i = 0; i < n; i++) {
            labels[i] = i % classes;
            for (int d = 0; d < 16; d++) vectors[i][d] = (float) (random.nextGaussian() + (d == labels[i] ? 8 : 0));
        }
        return new FeatureSample(labels, vectors);
    }

    static CellResult withFeatures(CellResult r, FeatureSample features) {
        return new CellResult(r.cell(), r.status(), r.error(), r.divergence(), r.dataset(), r.model(), r.training(),
                r.test(), r.timing(), r.peakRssMb(), r.environment(), features, r.startedAt(), r.finishedAt(),
                r.wallSeconds());
    }

    static RunFolder run(Path dir, List<CellResult> results) {
        return new RunFolder(new RunLayout(dir), "demo", "a demo", "name: demo\n", results, List.of());
    }

    static List<ReportCell> cells(Path dir, CellResult... results) {
        return ReportCell.of(List.of(run(dir, List.of(results))));
    }
}
