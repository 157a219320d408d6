package io.ferbench.runner.smoke;

import io.ferbench.api.cell.Device;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.tensor.SafeTensors;
import io.ferbench.runner.PlanSelection;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.InitSpec;
import io.ferbench.suite.SuitePlan;
import io.ferbench.suite.Suites;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokePlanTest {
    @TempDir Path dir;

    private static final String SUITE = """
            name: s
            datasets:
              affect:
                kind: labels-csv
                path: affectnet/labels.csv
                classes: [anger, contempt, disgust, fear, happy, neutral, sad, surprise]
              tiny:
                kind: folder
                path: tiny
                class_count: 13
              fer:
                kind: folder
                path: fer
            checkpoints:
              imagenet: {kind: file, path: "in/{architecture}.safetensors"}
              affect: {kind: cell, with: {dataset: affect}}
            matrix:
              dataset: [tiny, fer, affect]
              architecture: [resnet18, mobilenet_v2]
              backend: [djl, tensorflow]
              init: [scratch, imagenet, affect]
              learning_rate: [0.01, 0.001, 0.0001]
              exclude:
                - {dataset: affect, init: affect}
            """;

    @Test
    void datasetsBecomeSyntheticWithTheirClassCountsAndFer2013NamesKeepTheirFaces() {
        PlanSelection smoke = SmokePlan.of(Suites.plan(SUITE, "s.yaml"), List.of("djl"), dir, true);
        SuitePlan plan = smoke.plan();
        assertEquals("s-smoke", plan.name());
        assertTrue(plan.cells().stream().allMatch(c -> c.backend().equals("djl") && c.training().epochs() == 1
                && c.dataset().kind().equals("synthetic") && c.dataset().imageSize() == SmokePlan.IMAGE_SIZE
                && c.dataset().imagesPerClass() == SmokePlan.IMAGES_PER_CLASS && c.execution().device() == Device.CPU
                && c.training().batchSize() == SmokePlan.TRAIN_IMAGES_PER_CLASS * c.dataset().classes().size()));
        Cell affect = plan.cells().stream().filter(c -> c.dataset().name().equals("affect")).findFirst().orElseThrow();
        assertEquals(List.of("angry", "contempt", "disgust", "fear", "happy", "neutral", "sad", "surprise"),
                affect.dataset().classes(), "anger has no synthetic face and takes the first unused one");
        assertEquals(13, plan.cells().stream().filter(c -> c.dataset().name().equals("tiny")).findFirst().orElseThrow()
                .dataset().classes().size());
        assertEquals(7, plan.cells().stream().filter(c -> c.dataset().name().equals("fer")).findFirst().orElseThrow()
                .dataset().classes().size());
        assertTrue(smoke.notes().contains("dataset 'fer' names neither its classes nor class_count; the smoke run draws "
                + "7 synthetic classes for it"), smoke.notes().toString());
        assertTrue(smoke.notes().stream().anyMatch(n -> n.startsWith("left out 48 cells of backend tensorflow: not "
                + "installed here (installed: djl)")), smoke.notes().toString());
    }

    @Test
    void fileCheckpointsGetAStandInWithTorchvisionsShapes() {
        SuitePlan plan = SmokePlan.of(Suites.plan(SUITE, "s.yaml"), List.of("djl"), dir, true).plan();
        Cell cell = plan.cells().stream().filter(c -> c.network().init().source().equals(InitSpec.Source.FILE)
                && c.architecture().equals("resnet18")).findFirst().orElseThrow();
        Path standIn = Path.of(cell.network().init().path());
        assertTrue(standIn.isAbsolute() && standIn.startsWith(dir), standIn.toString());
        assertEquals(List.of(64L, 3L, 7L, 7L), toList(SafeTensors.read(standIn).get("conv1.weight").shape()));
        assertEquals(List.of(1000L, 512L), toList(SafeTensors.read(standIn).get("fc.weight").shape()));
    }

    @Test
    void coveringCellsRunEveryNonNumericValueAndTheirSources() {
        SuitePlan full = Suites.plan(SUITE, "s.yaml");
        PlanSelection smoke = SmokePlan.of(full, List.of("djl"), dir, false);
        List<Cell> cells = smoke.plan().cells();
        assertTrue(cells.size() < 48 / 3, cells.size() + " cells of 48");
        for (String axis : List.of("dataset", "architecture", "init")) {
            Set<Object> all = full.cells().stream().map(c -> c.axes().get(axis)).collect(Collectors.toSet());
            assertEquals(all, cells.stream().map(c -> c.axes().get(axis)).collect(Collectors.toSet()), axis);
        }
        Set<String> ids = cells.stream().map(Cell::id).collect(Collectors.toSet());
        cells.stream().filter(c -> c.network().init().sourceCell() != null).forEach(c -> assertTrue(ids.contains(
                c.network().init().sourceCell()), "the source of " + c.id() + " runs too"));
        assertTrue(smoke.notes().stream().anyMatch(n -> n.contains("--smoke-cells all")), smoke.notes().toString());
    }

    private static List<Long> toList(long[] shape) {
        return java.util.Arrays.stream(shape).boxed().toList();
    }
}
