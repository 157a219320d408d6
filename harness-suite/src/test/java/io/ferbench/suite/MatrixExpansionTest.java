package io.ferbench.suite;

import io.ferbench.api.cell.Device;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.cell.InitSpec;
import io.ferbench.api.cell.ScheduleSpec;
import io.ferbench.api.cell.AugmentationSpec;
import io.ferbench.api.cell.EarlyStoppingSpec;

import static io.ferbench.suite.SuiteTexts.SYNTHETIC_HEADER;
import static io.ferbench.suite.SuiteTexts.plan;
import static io.ferbench.suite.SuiteTexts.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MatrixExpansionTest {

    private static String combination(Cell cell) {
        return cell.architecture() + "/" + cell.backend() + "/" + cell.training().batchSize();
    }

    private static List<String> combinations(SuitePlan plan) {
        return plan.cells().stream().map(MatrixExpansionTest::combination).toList();
    }

    @Test
    void twoByTwoByTwoWithOneExcludeGivesSevenCells() {
        SuitePlan plan = plan(SYNTHETIC_HEADER + """
                matrix:
                  architecture: [resnet18, mobilenet_v2]
                  backend: [djl, tensorflow]
                  batch_size: [16, 32]
                  exclude:
                    - {architecture: mobilenet_v2, backend: tensorflow, batch_size: 32}
                """);
        assertEquals(List.of(
                "resnet18/djl/16", "resnet18/djl/32", "resnet18/tensorflow/16", "resnet18/tensorflow/32",
                "mobilenet_v2/djl/16", "mobilenet_v2/djl/32", "mobilenet_v2/tensorflow/16"), combinations(plan));
    }

    @Test
    void excludeRemovesEveryCombinationMatchingAllItsKeys() {
        SuitePlan plan = plan(SYNTHETIC_HEADER + """
                matrix:
                  architecture: [resnet18, mobilenet_v2]
                  backend: [djl, tensorflow]
                  batch_size: [16, 32]
                  exclude:
                    - {architecture: mobilenet_v2, backend: tensorflow}
                """);
        assertEquals(6, plan.cells().size());
        assertFalse(combinations(plan).stream().anyMatch(c -> c.startsWith("mobilenet_v2/tensorflow")));
    }

    @Test
    void includeExtendsMatchingCombinationsWithItsOtherKeys() {
        SuitePlan plan = plan(SYNTHETIC_HEADER + """
                matrix:
                  architecture: [resnet18, mobilenet_v2]
                  backend: [djl, tensorflow]
                  include:
                    - {backend: djl, architecture: resnet18, learning_rate: 0.01}
                """);
        assertEquals(4, plan.cells().size());
        for (Cell cell : plan.cells()) {
            boolean extended = cell.backend().equals("djl") && cell.architecture().equals("resnet18");
            assertEquals(extended ? 0.01 : 0.001, cell.training().optimizer().learningRate(), cell.id());
            assertEquals(extended ? "0.01" : "0.001", cell.axes().get("learning_rate"));
        }
        // the learning rate now varies, so it is part of the ids
        assertEquals("000-djl-resnet18-synthetic-48-lr0.01-r0", plan.cells().get(0).id());
        assertEquals("001-tensorflow-resnet18-synthetic-48-lr0.001-r0", plan.cells().get(1).id());
    }

    @Test
    void includeThatMatchesNothingAddsANewCombinationFilledWithFirstValuesAndDefaults() {
        SuitePlan plan = plan(SYNTHETIC_HEADER + """
                matrix:
                  architecture: [resnet18, mobilenet_v2]
                  backend: [djl, tensorflow]
                  batch_size: [64, 16]
                  include:
                    - {backend: dl4j, architecture: shufflenet_v2_x1_0}
                """);
        assertEquals(9, plan.cells().size());
        Cell added = plan.cells().stream().filter(c -> c.backend().equals("dl4j")).findFirst().orElseThrow();
        assertEquals("shufflenet_v2_x1_0", added.architecture());
        assertEquals(64, added.training().batchSize(), "an axis the entry leaves out takes its first written value");
        assertEquals(25, added.training().epochs(), "an axis the matrix leaves out takes its default");
        // new values sort after the written ones of their axis
        assertEquals(added, plan.cells().get(plan.cells().size() - 1));
    }

    @Test
    void includeNeverOverwritesAWrittenAxisButMayOverwriteAnAddedValue() {
        SuitePlan plan = plan(SYNTHETIC_HEADER + """
                matrix:
                  architecture: [resnet18, mobilenet_v2]
                  learning_rate: [0.1, 0.01]
                  include:
                    - {epochs: 3}
                    - {architecture: resnet18, epochs: 7}
                    - {architecture: resnet18, learning_rate: 0.5}
                """);
        List<String> cells = plan.cells().stream()
                .map(c -> c.architecture() + "/" + c.training().optimizer().learningRate() + "/" + c.training().epochs()).toList();
        assertEquals(List.of("resnet18/0.1/7", "resnet18/0.01/7", "resnet18/0.5/25",
                "mobilenet_v2/0.1/3", "mobilenet_v2/0.01/3"), cells);
    }

    @Test
    void includeExampleFromTheDocumentation() {
        SuitePlan plan = plan(SYNTHETIC_HEADER + """
                matrix:
                  architecture: [resnet18, mobilenet_v2]
                  backend: [djl, tensorflow]
                  include:
                    - {backend: djl, architecture: resnet18, learning_rate: 0.01}
                    - {epochs: 10}
                    - {backend: dl4j, architecture: shufflenet_v2_x1_0}
                """);
        List<String> cells = plan.cells().stream().map(c -> combination(c) + "/" + c.training().optimizer().learningRate()
                + "/" + c.training().epochs()).toList();
        assertEquals(List.of("resnet18/djl/128/0.01/10", "resnet18/tensorflow/128/0.001/10",
                "mobilenet_v2/djl/128/0.001/10", "mobilenet_v2/tensorflow/128/0.001/10",
                "shufflenet_v2_x1_0/dl4j/128/0.001/25"), cells);
    }

    @Test
    void writingAnAxisMakesIncludeMatchOnIt() {
        String extendsDl4j = SYNTHETIC_HEADER + """
                matrix:
                  backend: [djl, dl4j]
                  include:
                    - {backend: dl4j, threads: 4}
                """;
        assertEquals(List.of(0, 4), plan(extendsDl4j).cells().stream().map(c -> c.execution().threads()).toList());
        String addsACell = extendsDl4j.replace("  include:", "  threads: 0\n  include:");
        assertEquals(List.of(0, 0, 4), plan(addsACell).cells().stream().map(c -> c.execution().threads()).toList());
    }

    @Test
    void includeCanAddBackAnExcludedCombination() {
        SuitePlan plan = plan(SYNTHETIC_HEADER + """
                matrix:
                  architecture: [resnet18, mobilenet_v2]
                  backend: [djl, tensorflow]
                  exclude:
                    - {backend: tensorflow}
                  include:
                    - {backend: tensorflow, architecture: resnet18}
                """);
        assertEquals(List.of("resnet18/djl/128", "resnet18/tensorflow/128", "mobilenet_v2/djl/128"),
                combinations(plan));
    }

    @Test
    void twoIncludeEntriesThatAddTheSameCombinationAreRejected() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  architecture: [resnet18]
                  backend: djl
                  include:
                    - {backend: dl4j}
                    - {backend: dl4j, architecture: resnet18}
                """);
        assertEquals(10, e.line());
        assertEquals("matrix.include[1]", e.key());
        assertTrue(e.getMessage().contains("same combination as matrix.include[0] at line 9"), e.getMessage());
    }

    @Test
    void logRangeGivesTheStudysNineLearningRates() {
        SuitePlan plan = plan(SYNTHETIC_HEADER + """
                matrix:
                  learning_rate: {log_range: {from: 0.1, to: 1.0e-9, per_decade: 1}}
                """);
        List<Double> rates = plan.cells().stream().map(c -> c.training().optimizer().learningRate()).toList();
        assertEquals(List.of(0.1, 0.01, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9), rates);
        assertEquals("008-djl-resnet18-synthetic-48-lr1e-9-r0", plan.cells().get(8).id());
    }

    @Test
    void logRangeGoesUpwardsAndTakesSeveralValuesPerDecade() {
        SuitePlan plan = plan(SYNTHETIC_HEADER + """
                matrix:
                  learning_rate:
                    log_range: {from: 0.001, to: 0.1, per_decade: 2}
                """);
        List<Double> rates = plan.cells().stream().map(c -> c.training().optimizer().learningRate()).toList();
        assertEquals(List.of(0.001, 0.00316227766017, 0.01, 0.0316227766017, 0.1), rates);
    }

    @Test
    void logRangeEndOffTheGridIsRejectedWithTheNearestGridValues() {
        SuiteException e = rejected(SYNTHETIC_HEADER + """
                matrix:
                  learning_rate:
                    log_range: {from: 0.1, to: 0.003}
                """);
        assertEquals(7, e.line());
        assertEquals("matrix.learning_rate.log_range", e.key());
        assertTrue(e.getMessage().contains("nearest grid values are 0.01 and 0.001"), e.getMessage());
    }

    @Test
    void planOrderIsDatasetArchitectureBackendThenTheOtherAxesInDocumentOrder() {
        SuitePlan plan = plan("""
                name: order
                datasets:
                  b: {kind: synthetic}
                  a: {kind: synthetic}
                matrix:
                  learning_rate: [0.1, 0.01]
                  epochs: [2, 1]
                  backend: [tensorflow, djl]
                  architecture: [mobilenet_v2, resnet18]
                  dataset: [a, b]
                """);
        List<String> order = plan.cells().stream().map(c -> String.join("/", c.dataset().name(), c.architecture(),
                c.backend(), Double.toString(c.training().optimizer().learningRate()), Integer.toString(c.training().epochs()))).toList();
        assertEquals(32, order.size());
        assertEquals(List.of("a/mobilenet_v2/tensorflow/0.1/2", "a/mobilenet_v2/tensorflow/0.1/1",
                "a/mobilenet_v2/tensorflow/0.01/2", "a/mobilenet_v2/tensorflow/0.01/1",
                "a/mobilenet_v2/djl/0.1/2"), order.subList(0, 5));
        assertEquals("b/resnet18/djl/0.01/1", order.get(31));
        assertEquals("000-tensorflow-mobilenet_v2-a-ep2-lr0.1-r0", plan.cells().get(0).id());
    }

    @Test
    void everyDefaultIsFilledIn() {
        SuitePlan plan = plan(SYNTHETIC_HEADER + "matrix: {}\n");
        assertEquals(1, plan.cells().size());
        Cell cell = plan.cells().get(0);
        assertEquals("test", cell.suite());
        assertEquals("000-djl-resnet18-synthetic-48-r0", cell.id());
        assertEquals("resnet18", cell.architecture());
        assertEquals(1.0, cell.network().widthMultiplier());
        assertEquals("djl", cell.backend());
        assertEquals(Device.AUTO, cell.execution().device());
        assertEquals(0, cell.execution().threads());
        assertEquals(128, cell.training().batchSize());
        assertEquals(25, cell.training().epochs());
        assertEquals(new io.ferbench.api.backend.OptimizerSpec("adam", 0.001, 0.9, 0.999, 1e-8, 0.0),
                cell.training().optimizer());
        assertEquals(new EarlyStoppingSpec(true, EarlyStoppingSpec.Monitor.VAL_LOSS, 5, 0.0, true), cell.training().earlyStopping());
        assertEquals(0, cell.seed());
        assertEquals(0, cell.repeat());
        assertEquals(3600, cell.execution().timeoutSeconds());
        assertEquals(java.util.Map.of(), cell.execution().backendSettings());
        assertEquals(io.ferbench.api.arch.Stem.STANDARD, cell.network().stem());
        assertEquals(ScheduleSpec.constant(), cell.training().schedule());
        assertEquals(0.0, cell.training().labelSmoothing());
        assertEquals(new DatasetSpec("synthetic-48", "synthetic", null, null, List.of(), 300, 48, true, null, 0),
                cell.dataset());
        assertEquals(List.of("dataset", "classes", "images_per_class", "architecture", "width_multiplier", "backend",
                "device", "threads", "stem", "image_size", "augmentation", "class_weights", "oversample", "init", "tune",
                "batch_size", "epochs", "learning_rate", "lr_schedule", "warmup_epochs", "optimizer", "beta1", "beta2",
                "epsilon", "weight_decay", "label_smoothing",
                "early_stopping", "monitor", "patience", "min_delta", "restore_best", "target_accuracy", "seed"),
                List.copyOf(cell.axes().keySet()));
        assertEquals("[]", cell.axes().get("classes"), "the dataset's classes: all of them");
        assertEquals("300", cell.axes().get("images_per_class"), "the dataset's cap");
        assertEquals(AugmentationSpec.none(), cell.training().augmentation());
        assertFalse(cell.training().classWeights());
        assertFalse(cell.training().oversample());
        assertEquals(InitSpec.scratch(), cell.network().init());
        assertEquals("", plan.description());
        assertEquals(null, plan.file());
        assertEquals(48, plan.datasets().get("synthetic-48").imageSize());
    }

    @Test
    void everyWrittenValueReachesTheCell() {
        SuitePlan plan = plan("""
                name: full
                description: every key once
                datasets:
                  affect:
                    kind: labels-csv
                    path: affectnet/labels.csv
                    root: affectnet
                    classes: [happy, sad]
                    images_per_class: 50
                    grayscale: false
                    min_confidence: 0.5
                    seed: 7
                matrix:
                  architecture: shufflenet_v2_x0_5
                  width_multiplier: 0.5
                  backend: dl4j
                  device: cpu
                  threads: 2
                  image_size: 64
                  batch_size: 16
                  epochs: 3
                  learning_rate: 0.0001
                  beta1: 0.8
                  beta2: 0.99
                  epsilon: 1e-7
                  weight_decay: 0.0005
                  early_stopping: false
                  monitor: val_accuracy
                  patience: 2
                  min_delta: 0.01
                  restore_best: false
                  seed: 42
                repeats: 2
                timeout_minutes: 1.5
                backend_settings:
                  dl4j: {onednn: true, gc_interval_ms: 5000}
                  djl: {}
                """);
        assertEquals("every key once", plan.description());
        Cell cell = plan.cells().get(1);
        assertEquals(new DatasetSpec("affect", "labels-csv", "affectnet/labels.csv", "affectnet",
                List.of("happy", "sad"), 50, 64, false, 0.5, 7), cell.dataset());
        assertEquals(3, cell.dataset().channels());
        assertEquals("shufflenet_v2_x0_5", cell.architecture());
        assertEquals(0.5, cell.network().widthMultiplier());
        assertEquals(Device.CPU, cell.execution().device());
        assertEquals(2, cell.execution().threads());
        assertEquals(16, cell.training().batchSize());
        assertEquals(3, cell.training().epochs());
        assertEquals(new io.ferbench.api.backend.OptimizerSpec("adam", 1e-4, 0.8, 0.99, 1e-7, 5e-4),
                cell.training().optimizer());
        assertEquals(new EarlyStoppingSpec(false, EarlyStoppingSpec.Monitor.VAL_ACCURACY, 2, 0.01, false), cell.training().earlyStopping());
        assertEquals(43, cell.seed());
        assertEquals("42", cell.axes().get("seed"), "axes hold the written seed, so repeats group together");
        assertEquals(90, cell.execution().timeoutSeconds());
        assertEquals(java.util.Map.of("onednn", "true", "gc_interval_ms", "5000"), cell.execution().backendSettings());
    }

    @Test
    void repeatsMultiplyCellsWithConsecutiveSeeds() {
        SuitePlan plan = plan(SYNTHETIC_HEADER + """
                matrix:
                  architecture: [resnet18, mobilenet_v2]
                  seed: 42
                repeats: 3
                """);
        assertEquals(6, plan.cells().size());
        assertEquals(List.of(42L, 43L, 44L, 42L, 43L, 44L), plan.cells().stream().map(Cell::seed).toList());
        assertEquals(List.of(0, 1, 2, 0, 1, 2), plan.cells().stream().map(Cell::repeat).toList());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), plan.cells().stream().map(Cell::index).toList());
        assertEquals("002-djl-resnet18-synthetic-48-r2", plan.cells().get(2).id());
        assertEquals("003-djl-mobilenet_v2-synthetic-48-r0", plan.cells().get(3).id());
    }

    @Test
    void idsAreUniqueStableFileSafeAndNameTheAxesThatVary() {
        String suite = SYNTHETIC_HEADER + """
                matrix:
                  architecture: resnet18
                  learning_rate: [0.1, 0.01, 0.005, 0.001]
                  batch_size: [32, 64]
                  early_stopping: [true, false]
                  device: [cpu, gpu]
                """;
        List<String> ids = plan(suite).cells().stream().map(Cell::id).toList();
        assertEquals(32, ids.size());
        assertEquals(32, Set.copyOf(ids).size());
        assertEquals(ids, plan(suite).cells().stream().map(Cell::id).toList());
        assertTrue(ids.stream().allMatch(id -> id.matches("[A-Za-z0-9._-]+")), ids.toString());
        assertEquals("000-djl-resnet18-synthetic-48-cpu-bs32-lr0.1-es_on-r0", ids.get(0));
        assertEquals("031-djl-resnet18-synthetic-48-gpu-bs64-lr0.001-es_off-r0", ids.get(31));
        // the position is first, zero-padded, so ids sort in plan order
        assertEquals(ids.stream().sorted().toList(), ids);
    }

    @Test
    void idExampleFromTheFormatDescription() {
        SuitePlan plan = plan(SYNTHETIC_HEADER + """
                matrix:
                  learning_rate: [0.1, 0.01, 0.005, 0.001]
                """);
        assertEquals("003-djl-resnet18-synthetic-48-lr0.001-r0", plan.cells().get(3).id());
    }

    @Test
    void theOnlyDatasetIsTheDefaultAndEachDatasetKeepsItsFirstImageSize() {
        SuitePlan plan = plan("""
                name: sizes
                datasets:
                  fer: {kind: folder, path: fer2013, classes: [angry, happy, sad]}
                  spare: {kind: synthetic, images_per_class: 20}
                matrix:
                  dataset: fer
                  image_size: [96, 48]
                """);
        assertEquals(Set.of("fer"), plan.cells().stream().map(c -> c.dataset().name()).collect(Collectors.toSet()));
        assertEquals(96, plan.datasets().get("fer").imageSize());
        assertEquals(96, plan.datasets().get("spare").imageSize());
        assertEquals(List.of("fer", "spare"), List.copyOf(plan.datasets().keySet()));
        assertEquals(List.of(96, 48), plan.cells().stream().map(c -> c.dataset().imageSize()).toList());
    }

    @Test
    void theMatrixKeysAreTheCellAxesInTheirOrder() {
        assertEquals(io.ferbench.api.cell.Axis.keys(),
                java.util.Arrays.stream(MatrixAxis.values()).map(MatrixAxis::key).toList());
        for (MatrixAxis axis : MatrixAxis.values()) assertEquals(axis.key(), axis.axis().key());
    }
}
