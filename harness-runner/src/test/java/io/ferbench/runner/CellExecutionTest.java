package io.ferbench.runner;

import io.ferbench.worker.CellExecution;
import io.ferbench.worker.ProgressEmitter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.Prediction;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelStats;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.suite.SuitePlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs cells inside the test JVM with the real DJL backend (the worker's work, without the fork). */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CellExecutionTest {
    @TempDir Path dir;

    @Test
    void aCellTrainsTestsAndTimesWithTheRealBackend() {
        SuitePlan plan = TinySuites.plan("in-process", "djl", List.of(5));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        CellResult r = new CellExecution(TinySuites.request(plan, 0, dir),
                new ProgressEmitter(new PrintStream(progress, true, StandardCharsets.UTF_8), 0)).run();

        assertEquals(CellStatus.OK, r.status(), r.error());
        assertNull(r.error());
        assertEquals(List.of("angry", "happy", "sad"), r.dataset().classNames());
        assertEquals(30, r.dataset().trainSize() + r.dataset().validationSize() + r.dataset().testSize());
        // the dataset was audited before training: distinct synthetic faces, nothing leaks; the files are in the run
        assertEquals(new io.ferbench.api.result.AuditCounts(0, 0, 0, 0, 0, 0, 0), r.dataset().audit());
        assertTrue(java.nio.file.Files.isRegularFile(Path.of(TinySuites.request(plan, 0, dir).cellsDir())
                .toAbsolutePath().getParent().resolve("audit").resolve(plan.cells().get(0).dataset().name() + "-"
                        + plan.cells().get(0).dataset().imageSize() + "px").resolve("audit.csv")));
        ModelStats stats = ModelStats.of(Architectures.build("shufflenet_v2_x0_5", 1, 24, 3, 1.0));
        assertEquals(stats.parameters(), r.model().parameters());
        assertEquals(stats.macs(), r.model().macs());

        assertEquals(2, r.training().epochsRun());
        assertEquals(2, r.training().history().size());
        assertTrue(r.training().history().stream().allMatch(e -> Double.isFinite(e.trainLoss()) && e.seconds() > 0));
        assertEquals(r.dataset().testSize(), r.test().images());
        assertEquals(3, r.test().confusion().length);
        int total = 0;
        for (int[] row : r.test().confusion()) for (int v : row) total += v;
        assertEquals(r.dataset().testSize(), total);
        assertEquals(3, r.test().perClass().size());
        assertEquals(r.dataset().testSize(), r.features().size(), "a test split under 500 images is kept whole");
        assertTrue(r.features().vectors()[0].length > 0);

        assertEquals(1, r.timing().measuredEpochs());
        assertEquals(r.training().history().get(1).seconds(), r.timing().medianEpochSeconds());
        assertTrue(r.timing().trainImagesPerSecond() > 0 && r.timing().trainGflops() > 0);
        // no --peak-gflops: the share is of DJL's own matrix multiply, measured (or cached) on this machine
        assertEquals("measured:djl", r.timing().peakSource());
        assertTrue(r.timing().peakGflops() > 0 && r.timing().peakShare() > 0 && r.timing().peakShare() < 1,
                r.timing().toString());
        assertTrue(r.timing().harnessOverheadShare() >= 0 && r.timing().harnessOverheadShare() < 1);
        assertEquals(8, r.timing().inference().batchSize());
        assertEquals(5, r.timing().inference().measuredBatches());
        assertEquals(20, r.timing().inference().singleSamples());
        assertTrue(r.timing().inference().latencyP99Ms() >= r.timing().inference().latencyP50Ms());
        assertTrue(r.peakRssMb() > 50, "peak RSS " + r.peakRssMb());
        assertTrue(r.environment().backend().framework().contains("DJL"), r.environment().backend().framework());
        assertNotNull(r.environment().cpuModel());

        String events = progress.toString(StandardCharsets.UTF_8);
        assertTrue(events.contains("\"kind\":\"phase\"") && events.contains("\"kind\":\"epoch\"")
                && events.contains("\"kind\":\"step\""), events);
    }

    @Test
    void aNanLossEndsTheCellAsDivergedWithItsEpochNotACrash() {
        SuitePlan plan = TinySuites.plan("in-process", "djl", List.of(5));
        CellResult r = new CellExecution(TinySuites.request(plan, 0, dir), new ProgressEmitter(nowhere(), 0),
                model -> new NanAtStep(model, 4)).run();
        int stepsPerEpoch = (r.dataset().trainSize() + 7) / 8;
        int epoch = (4 - 1) / stepsPerEpoch + 1;
        int step = (4 - 1) % stepsPerEpoch + 1;
        assertEquals(CellStatus.DIVERGED, r.status(), r.error());
        assertEquals(epoch, r.divergence().epoch());
        assertEquals(step, r.divergence().step());
        assertEquals(epoch - 1, r.training().epochsRun(), "completed epochs are kept");
        assertTrue(r.error().contains("NaN") && r.error().contains("epoch " + epoch), r.error());
        assertNull(r.test());
        assertNull(r.features());
    }

    @Test
    void anUnknownBackendIsAFailedResultThatListsTheInstalledOnes() {
        SuitePlan plan = TinySuites.withBackend(TinySuites.plan("in-process", "djl", List.of(5)), "onnx");
        CellResult r = new CellExecution(TinySuites.request(plan, 0, dir), new ProgressEmitter(nowhere(), 0)).run();
        assertEquals(CellStatus.FAILED, r.status());
        assertTrue(r.error().startsWith("unknown backend 'onnx'") && r.error().contains("installed backends: djl"),
                r.error());
    }

    private static PrintStream nowhere() {
        return new PrintStream(PrintStream.nullOutputStream());
    }

    /** A backend's model whose {@code step}-th training step (counted from 1) returns NaN. */
    private static final class NanAtStep implements TrainableModel {
        private final TrainableModel model;
        private final int nanStep;
        private int steps;

        NanAtStep(TrainableModel model, int nanStep) {
            this.model = model;
            this.nanStep = nanStep;
        }

        @Override public float trainStep(Batch batch) {
            float loss = model.trainStep(batch);
            return ++steps == nanStep ? Float.NaN : loss;
        }

        @Override public float evaluateLoss(Batch batch) { return model.evaluateLoss(batch); }
        @Override public Prediction predict(Batch batch, boolean withFeatures) { return model.predict(batch, withFeatures); }
        @Override public void freeze(Collection<String> nodeNames) { model.freeze(nodeNames); }
        @Override public void setLearningRate(double learningRate) { model.setLearningRate(learningRate); }
        @Override public NamedTensors exportWeights() { return model.exportWeights(); }
        @Override public void importWeights(NamedTensors weights, boolean strict) { model.importWeights(weights, strict); }
        @Override public void close() { model.close(); }
    }
}
