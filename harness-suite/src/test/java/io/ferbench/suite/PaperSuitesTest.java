package io.ferbench.suite;

import io.ferbench.api.cell.EarlyStoppingSpec;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.DatasetSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The study as suites: suites/paper/ expresses the setups of /work/shared/paper.md (Table 1, training, results). */
class PaperSuitesTest {
    private static final Path PAPER = Path.of("..", "suites", "paper");

    private static SuitePlan plan(String file) {
        return Suites.plan(PAPER.resolve(file));
    }

    @Test
    void everyPaperSuitePlansAndPointsEditorsAtTheSchema() throws IOException {
        try (Stream<Path> files = Files.list(PAPER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                assertTrue(Files.readAllLines(file).get(0).equals(
                        "# yaml-language-server: $schema=../schema/ferbench-suite.schema.json"), file.toString());
                assertEquals(file.getFileName().toString(), Suites.plan(file).name() + ".yaml");
            }
        }
    }

    @Test
    void table3HasTheStudysDatasetsAndTrainingSetupOnEveryBackend() {
        SuitePlan plan = plan("table3.yaml");
        assertEquals(3 * 3 * 3 * 3, plan.cells().size(), "datasets x architectures x backends x 3 seeds");
        for (Cell c : plan.cells()) {
            assertEquals(224, c.dataset().imageSize());
            assertTrue(c.dataset().grayscale());
            assertEquals(128, c.training().batchSize());
            assertEquals(25, c.training().epochs());
            assertEquals("adam", c.training().optimizer().type());
            assertEquals(0.001, c.training().optimizer().learningRate());
            assertTrue(c.training().earlyStopping().enabled());
            assertEquals(EarlyStoppingSpec.Monitor.VAL_LOSS, c.training().earlyStopping().monitor());
            assertTrue(c.network().init().fromScratch());
        }
        assertEquals(Set.of("djl", "tensorflow", "dl4j"), plan.cells().stream().map(Cell::backend)
                .collect(Collectors.toSet()));
        assertEquals(List.of("resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"), plan.cells().stream()
                .map(Cell::architecture).distinct().toList());
        // Table 1: 3 classes / 5,000 images, 8 / 10,000, 13 / 15,000
        Map<String, DatasetSpec> datasets = plan.datasets();
        assertEquals(3, datasets.get("fer2013").knownClassCount());
        assertEquals(5001, 3 * datasets.get("fer2013").imagesPerClass());
        assertEquals(8, datasets.get("affectnet-hq").knownClassCount());
        assertEquals(10000, 8 * datasets.get("affectnet-hq").imagesPerClass());
        assertEquals(13, datasets.get("fer-tiny").knownClassCount());
        assertEquals(15002, 13 * datasets.get("fer-tiny").imagesPerClass());
        assertEquals("labels-csv", datasets.get("affectnet-hq").kind());
        datasets.values().forEach(d -> assertTrue(d.download().contains("kaggle.com"), d.name()));
    }

    @Test
    void theLearningRateSweepIsTheStudysGrid() {
        assertEquals(List.of(0.1, 0.01, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9), plan("learning-rate.yaml").cells()
                .stream().map(c -> c.training().optimizer().learningRate()).distinct().toList());
    }

    @Test
    void transferComparesScratchImagenetAndAffectnetPretrainingWithHeadAndDeepTuning() {
        SuitePlan plan = plan("transfer.yaml");
        Cell pretrain = plan.cells().stream().filter(c -> c.dataset().name().equals("affectnet-hq")).findFirst()
                .orElseThrow();
        List<Cell> fromAffectnet = plan.cells().stream().filter(c -> c.network().init().checkpoint().equals("affectnet"))
                .toList();
        assertEquals(2 * 3 * 2, fromAffectnet.size(), "two datasets x three backends x {head, all}");
        assertTrue(fromAffectnet.stream().allMatch(c -> c.network().init().sourceCell().equals(pretrain.id())
                && c.index() > pretrain.index()), "every backend fine-tunes from the one DJL-pretrained cell");
        assertTrue(plan.cells().stream().filter(c -> c.network().init().checkpoint().equals("imagenet"))
                .allMatch(c -> c.network().init().path().equals("imagenet/resnet18.safetensors")));
        assertEquals(0, plan.cells().stream().filter(c -> c.network().init().fromScratch() && c.network().init().headOnly()).count());
    }

    @Test
    void ablationsVaryTheClassesByNameAndTheImagesPerClass() {
        SuitePlan plan = plan("ablations.yaml");
        assertEquals(List.of(2, 3, 4, 5, 7), plan.cells().stream().map(c -> c.dataset().classes().size()).distinct()
                .toList());
        assertEquals(List.of(250, 500, 1000, 1667), plan.cells().stream().map(c -> c.dataset().imagesPerClass())
                .distinct().sorted().toList());
        SuitePlan imbalance = plan("imbalance.yaml");
        assertEquals(4 * 3, imbalance.cells().size());
        assertTrue(imbalance.cells().stream().anyMatch(c -> c.training().classWeights() && c.training().oversample()));
        assertTrue(imbalance.cells().stream().allMatch(c -> c.dataset().imagesPerClass() == null),
                "uncapped: FER2013's own imbalance");
        assertEquals(List.of("none", "study", "strong"), plan("augmentation.yaml").cells().stream()
                .map(c -> c.training().augmentation().name()).distinct().toList());
    }
}
