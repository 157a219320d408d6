package io.ferbench.reports.html;

import io.ferbench.api.cell.Training;
import io.ferbench.api.cell.Network;
import io.ferbench.api.cell.Execution;
import io.ferbench.api.backend.OptimizerSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.worker.data.DatasetPreview;
import io.ferbench.worker.CellExecution;
import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.ProgressEmitter;
import io.ferbench.worker.RunLayout;
import io.ferbench.worker.WorkerRequest;
import io.ferbench.suite.Suites;
import io.ferbench.worker.train.InferenceSettings;
import io.ferbench.worker.train.TestEvaluation;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 27-cell report stays under 10 MB and opens in under 2 seconds in headless Chromium. The 27 results
 * replicate one real cell, trained in-process on DJL with the full amounts a report carries per cell
 * (7 classes, a 500-image feature sample for t-SNE, ROC curves over 560 test images), under 27
 * configurations: 3 backends × 3 architectures × 3 learning rates. The figures this test prints are
 * the ones docs/report.md quotes.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LargeReportTest {
    private static final String SUITE = """
            name: large
            datasets:
              faces: {kind: synthetic, images_per_class: 400, seed: 11}
            matrix:
              architecture: shufflenet_v2_x0_5
              backend: djl
              device: cpu
              image_size: 16
              batch_size: 64
              epochs: 2
            """;
    private static final long MAX_BYTES = 10L * 1024 * 1024;
    private static final double MAX_OPEN_MS = 2000;
    private static final int LOADS = 5;

    @TempDir Path dir;

    @Test
    void aTwentySevenCellReportIsUnderTenMegabytesAndOpensInUnderTwoSeconds() throws Exception {
        HeadlessChromium.assumeInstalled();
        RunLayout layout = RunLayout.of(dir, "large");
        writeReplicas(layout, trainOneCell());

        long started = System.nanoTime();
        List<RunFolder> runs = RunFolder.find(layout.suiteDir());
        ComparisonReport.write(layout.reportHtml(), runs, new TsneEmbeddings());
        double buildSeconds = (System.nanoTime() - started) / 1e9;
        long bytes = Files.size(layout.reportHtml());
        assertEquals(27, runs.get(0).results().size());
        assertTrue(bytes < MAX_BYTES, bytes + " bytes");

        List<Double> ready = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        Map<String, Double> views = new LinkedHashMap<>();
        try (HeadlessChromium chromium = new HeadlessChromium(1400, 1000)) {
            for (int i = 0; i < LOADS; i++) {
                chromium.driver().get("about:blank");
                long t0 = System.nanoTime();
                chromium.open(layout.reportHtml());
                wall.add((System.nanoTime() - t0) / 1e6);
                ready.add(((Number) chromium.script(
                        "return performance.getEntriesByName('ferbench-ready')[0].startTime")).doubleValue());
            }
            for (String view : List.of("leaderboard", "comparison", "cells", "sweeps", "datasets")) {
                views.put(view, ((Number) chromium.script("const t = performance.now(); ferbenchReport.show(arguments[0]);"
                        + "return performance.now() - t", view)).doubleValue());
            }
            assertEquals(List.of(), chromium.consoleErrors());
        }
        double readyMedian = median(ready);
        double wallMedian = median(wall);
        System.out.printf(Locale.ROOT, "27-cell report: %.2f MB (%d bytes), built in %.1f s; opened %d times in "
                        + "Chromium: first view drawn after %.0f ms (median; %s), %.0f ms wall clock to ready (median); "
                        + "first drawing of the other views in ms: %s%n", bytes / 1048576.0, bytes, buildSeconds, LOADS,
                readyMedian, ready, wallMedian, views);
        assertTrue(readyMedian < MAX_OPEN_MS, "opening took " + readyMedian + " ms");
        views.forEach((view, ms) -> assertTrue(ms < MAX_OPEN_MS, view + " took " + ms + " ms to draw"));
    }

    /** One real cell of the suite, trained in this JVM, and the dataset preview its worker would write. */
    private CellPreview trainOneCell() {
        var cell = Suites.plan(SUITE, "large.yaml").cells().get(0);
        WorkerRequest request = new WorkerRequest(cell, dir.toString(),
                Path.of(System.getProperty("java.io.tmpdir"), "ferbench-cache").toString(), 130.0,
                new InferenceSettings(1, 5, 2, 20), TestEvaluation.DEFAULT_FEATURE_SAMPLE, dir.resolve("cells").toString());
        AtomicReference<DatasetPreview> preview = new AtomicReference<>();
        CellResult result = new CellExecution(request, new ProgressEmitter(new PrintStream(OutputStream.nullOutputStream()), 0))
                .onDatasetPrepared(data -> preview.set(DatasetPreview.of(data, DatasetPreview.SAMPLES_PER_CLASS)))
                .run();
        assertEquals(CellStatus.OK, result.status(), result.error());
        assertEquals(500, result.features().size());
        return new CellPreview(result, preview.get());
    }

    private record CellPreview(CellResult result, DatasetPreview preview) {}

    /** 27 copies of the cell under the configurations of a 3 × 3 × 3 suite, as a run folder on disk. */
    private static void writeReplicas(RunLayout layout, CellPreview real) throws Exception {
        Files.createDirectories(layout.cellsDir());
        int index = 0;
        for (String backend : List.of("djl", "tensorflow", "dl4j")) {
            for (String architecture : List.of("resnet18", "mobilenet_v2", "shufflenet_v2_x1_0")) {
                for (String lr : List.of("0.01", "0.001", "1.0E-4")) {
                    Cell c = real.result().cell();
                    String id = String.format(Locale.ROOT, "%03d-%s-%s-faces-lr%s-r0", index, backend, architecture,
                            lr.replace("1.0E-4", "0.0001"));
                    Map<String, String> axes = new LinkedHashMap<>(c.axes());
                    axes.put("backend", backend);
                    axes.put("architecture", architecture);
                    axes.put("learning_rate", lr);
                    Training t = c.training();
                    OptimizerSpec o = t.optimizer();
                    Training training = new Training(t.batchSize(), t.epochs(), new OptimizerSpec(o.type(),
                            Double.parseDouble(lr), o.beta1(), o.beta2(), o.epsilon(), o.weightDecay()), t.schedule(),
                            t.earlyStopping(), t.augmentation(), t.classWeights(), t.oversample(), t.labelSmoothing(),
                            t.seed());
                    Cell config = new Cell("large", id, index, 0, axes, c.dataset(), new Network(architecture,
                            c.network().widthMultiplier(), c.network().stem(), c.network().init()), training,
                            new Execution(backend, c.execution().device(), c.execution().threads(),
                                    c.execution().timeoutSeconds(), c.execution().backendSettings()));
                    JsonFiles.write(layout.resultFile(id), real.result().withCell(config), false);
                    JsonFiles.write(layout.datasetPreviewFile(id), real.preview(), false);
                    index++;
                }
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
