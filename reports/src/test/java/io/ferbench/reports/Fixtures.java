package io.ferbench.reports;

import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.cell.Training;
import io.ferbench.api.cell.Network;
import io.ferbench.api.cell.Execution;
import io.ferbench.api.cell.Device;
import io.ferbench.api.cell.EarlyStoppingSpec;
import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.result.AuditCounts;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.ClassScore;
import io.ferbench.api.result.DatasetSummary;
import io.ferbench.api.result.Divergence;
import io.ferbench.api.result.EnvironmentInfo;
import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.result.InferenceTiming;
import io.ferbench.api.result.ModelCost;
import io.ferbench.api.result.RocPoints;
import io.ferbench.api.result.TestMetrics;
import io.ferbench.api.result.Peak;
import io.ferbench.api.result.TimeToAccuracy;
import io.ferbench.api.result.Timing;
import io.ferbench.api.result.TrainingSummary;
import io.ferbench.worker.RunLayout;
import io.ferbench.reports.html.RunFolder;
import java.util.List;
import java.util.Map;

/** Results of each status, as a worker would write them. */
public final class Fixtures {
    private Fixtures() {}

    /** A run folder of suite {@code demo} with these results and no suite file. */
    public static RunFolder run(RunLayout layout, List<CellResult> results) {
        return new RunFolder(layout, "demo", "", null, results, List.of());
    }

    public static Cell config(String id, String dataset) {
        return new Cell("demo", id, 0, 0, Map.of("learning_rate", "0.001"),
                new DatasetSpec(dataset, "synthetic", null, null, List.of(), 6, 32, true, null, 0),
                Network.of("resnet18"), new Training(8, 3, OptimizerSpec.adam(1e-3), null,
                new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, 2, 0.0, true), null, false, false, 0,
                42, 0.5),
                new Execution("djl", Device.AUTO, 0, 600, Map.of("interop_threads", "1")));
    }

    public static EnvironmentInfo environment() {
        return new EnvironmentInfo("Test CPU", 2, 4096, "OpenJDK 17", "Linux 6.1 amd64", Map.of(),
                new BackendInfo("djl", "DJL 0.36.0", "PyTorch 2.7.1", "cpu", Map.of("threads.intra_op", "2")));
    }

    public static List<EpochRecord> history(int epochs) {
        return java.util.stream.IntStream.rangeClosed(1, epochs)
                .mapToObj(e -> new EpochRecord(e, 1.0 / e, 0.4 + e / 10.0, 1.1 / e, 0.35 + e / 10.0, 2.0 + 1.0 / e,
                        1.5, 1e-3, 400.0 + e, 1.45, 0.01, 256.0, 64.0))
                .toList();
    }

    public static CellResult ok(String id, double accuracy) {
        TestMetrics test = new TestMetrics(12, accuracy, 0.8, 0.61, 0.62, 0.63, 0.64, 0.65, 0.66, 0.81,
                List.of(new ClassScore("happy", 0.7, 0.6, 0.65, 6), new ClassScore("sad", 0.6, 0.7, 0.65, 6)),
                new int[][] {{4, 2}, {2, 4}},
                List.of(new RocPoints("happy", new double[] {0, 1}, new double[] {0, 1}, 0.81)));
        Timing timing = new Timing(3.0, 2.0, 2, 120.0, 1.4, Peak.given(130), 0.0108, 0.01,
                new InferenceTiming(8, 20, 640.0, 12.5, 14.0, 100, 1.8, 2.6, 0.9));
        return new CellResult(config(id, "faces"), CellStatus.OK, null, null,
                new DatasetSummary("faces", List.of("happy", "sad"), 40, 10, 12, 0.5, 0.2, 0,
                        new AuditCounts(2, 4, 1, 2, 1, 0, 0)),
                new ModelCost(11_170_882, 1_900_000), new TrainingSummary(3, 2, false, true, history(3), false,
                        new TimeToAccuracy(0.5, 2, 4.5)), test, timing,
                812.0, environment(), null, "2025-01-01T00:00:00Z", "2025-01-01T00:00:30Z", 30.0);
    }

    public static CellResult diverged(String id) {
        return new CellResult(config(id, "faces"), CellStatus.DIVERGED, "train_loss became NaN in epoch 2, step 3",
                new Divergence(2, 3, "train_loss", "NaN"),
                new DatasetSummary("faces", List.of("happy", "sad"), 40, 10, 12, 0.5, 0.2, 0),
                new ModelCost(11_170_882, 1_900_000), new TrainingSummary(1, 1, false, false, history(1)), null,
                new Timing(3.0, 3.0, 0, 26.7, 0.3, Peak.given(130), 0.002, 0.01, null), 700.0, environment(), null,
                "2025-01-01T00:00:00Z", "2025-01-01T00:00:10Z", 10.0);
    }

    public static CellResult failed(String id, String dataset, String error) {
        return new CellResult(config(id, dataset), CellStatus.FAILED, error, null, null, null, null, null, null, null,
                null, null, "2025-01-01T00:00:00Z", "2025-01-01T00:00:01Z", 1.0);
    }
}
