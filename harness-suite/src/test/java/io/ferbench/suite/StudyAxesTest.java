package io.ferbench.suite;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.InitSpec;
import io.ferbench.api.cell.AugmentationSpec;

import static io.ferbench.suite.SuiteTexts.plan;
import static io.ferbench.suite.SuiteTexts.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The study's suite keys: ablation axes, augmentation profiles, class imbalance, checkpoints and their order. */
class StudyAxesTest {
    private static final String TWO_DATASETS = """
            name: study
            datasets:
              fer:
                kind: synthetic
                classes: [angry, happy, sad]
                images_per_class: 100
              tiny:
                kind: folder
                path: tiny
                class_count: 13
                download: "Kaggle sakuraisana/facial-emotion-recognition-tiny, unzipped"
            """;

    private static List<String> ids(SuitePlan plan) {
        return plan.cells().stream().map(Cell::id).toList();
    }

    private static String message(SuiteException e) {
        return e.getMessage();
    }

    @Test
    void classesAxisTakesOneListOrAListOfListsAndOverridesTheDatasetsSubset() {
        SuitePlan one = plan(TWO_DATASETS + "matrix:\n  dataset: fer\n  classes: [happy, sad]\n");
        assertEquals(List.of("happy", "sad"), one.cells().get(0).dataset().classes());

        SuitePlan ablation = plan(TWO_DATASETS + """
                matrix:
                  dataset: fer
                  classes: [[happy, sad], [happy, sad, angry]]
                  images_per_class: [20, 50]
                """);
        assertEquals(List.of("000-djl-resnet18-fer-cls2_happy.sad-ipc20-r0", "001-djl-resnet18-fer-cls2_happy.sad-ipc50-r0",
                "002-djl-resnet18-fer-cls3_happy.sad.angry-ipc20-r0", "003-djl-resnet18-fer-cls3_happy.sad.angry-ipc50-r0"),
                ids(ablation));
        Cell last = ablation.cells().get(3);
        assertEquals(List.of("happy", "sad", "angry"), last.dataset().classes());
        assertEquals(50, last.dataset().imagesPerClass());
        assertEquals("[happy, sad, angry]", last.axes().get("classes"));
    }

    @Test
    void unwrittenClassesAndCapAreEachDatasetsOwn() {
        SuitePlan plan = plan(TWO_DATASETS + "matrix:\n  dataset: [fer, tiny]\n");
        Cell fer = plan.cells().get(0);
        Cell tiny = plan.cells().get(1);
        assertEquals(List.of("angry", "happy", "sad"), fer.dataset().classes());
        assertEquals(100, fer.dataset().imagesPerClass());
        assertEquals(List.of(), tiny.dataset().classes());
        assertNull(tiny.dataset().imagesPerClass());
        assertEquals(13, tiny.dataset().classCount());
        assertEquals(13, tiny.dataset().knownClassCount());
        assertTrue(tiny.dataset().download().contains("sakuraisana"));
        assertEquals(List.of("000-djl-resnet18-fer-r0", "001-djl-resnet18-tiny-r0"), ids(plan),
                "settings left to each dataset do not name the cells");
        SuitePlan partly = plan(TWO_DATASETS + "matrix:\n  dataset: [fer, tiny]\n  include:\n"
                + "    - {dataset: fer, images_per_class: 20}\n");
        assertEquals(List.of("000-djl-resnet18-fer-ipc20-r0", "001-djl-resnet18-tiny-ipcall-r0"), ids(partly));
    }

    @Test
    void badClassListsAreRejected() {
        assertTrue(message(rejected(TWO_DATASETS + "matrix:\n  classes: happy\n")).contains("expected a list of"));
        assertTrue(message(rejected(TWO_DATASETS + "matrix:\n  dataset: fer\n  classes: [happy]\n"))
                .contains("at least 2 classes"));
        assertTrue(message(rejected(TWO_DATASETS + "matrix:\n  dataset: fer\n  classes: [[a, b], [a, b]]\n"))
                .contains("duplicate value"));
        SuiteException both = rejected("""
                name: x
                datasets:
                  d: {kind: synthetic, classes: [happy, sad], class_count: 2}
                matrix: {}
                """);
        assertEquals("datasets.d.class_count", both.key());
    }

    @Test
    void augmentationProfilesAreNamedAndCheckedAndNoneIsBuiltIn() {
        SuitePlan plan = plan(TWO_DATASETS + """
                augmentations:
                  light: {flip: true, rotation: 10}
                  strong: {flip: true, rotation: 15, translate: 0.1, crop: 0.8, brightness: 0.2, contrast: 0.3}
                matrix:
                  dataset: fer
                  augmentation: [none, light, strong]
                """);
        assertEquals(List.of("000-djl-resnet18-fer-aug_none-r0", "001-djl-resnet18-fer-aug_light-r0",
                "002-djl-resnet18-fer-aug_strong-r0"), ids(plan));
        assertEquals(AugmentationSpec.none(), plan.cells().get(0).training().augmentation());
        assertEquals(new AugmentationSpec("light", true, 10, 0, 1, 0, 0), plan.cells().get(1).training().augmentation());
        assertEquals(new AugmentationSpec("strong", true, 15, 0.1, 0.8, 0.2, 0.3), plan.cells().get(2).training().augmentation());

        SuiteException undefined = rejected(TWO_DATASETS + "matrix:\n  dataset: fer\n  augmentation: lite\n");
        assertTrue(message(undefined).contains("augmentation profile 'lite' is not defined under augmentations"),
                message(undefined));
        SuiteException identity = rejected(TWO_DATASETS + "augmentations:\n  off: {flip: false}\nmatrix: {dataset: fer}\n");
        assertTrue(message(identity).contains("changes nothing"), message(identity));
        SuiteException range = rejected(TWO_DATASETS + "augmentations:\n  x: {crop: 0}\nmatrix: {dataset: fer}\n");
        assertEquals("augmentations.x.crop", range.key());
        SuiteException reserved = rejected(TWO_DATASETS + "augmentations:\n  none: {flip: true}\nmatrix: {dataset: fer}\n");
        assertTrue(message(reserved).contains("built in"), message(reserved));
    }

    @Test
    void classWeightsAndOversamplingAreSwitches() {
        SuitePlan plan = plan(TWO_DATASETS + """
                matrix:
                  dataset: fer
                  class_weights: [false, true]
                  oversample: [false, true]
                """);
        assertEquals(List.of("000-djl-resnet18-fer-cw_off-os_off-r0", "001-djl-resnet18-fer-cw_off-os_on-r0",
                "002-djl-resnet18-fer-cw_on-os_off-r0", "003-djl-resnet18-fer-cw_on-os_on-r0"), ids(plan));
        assertTrue(plan.cells().get(3).training().classWeights() && plan.cells().get(3).training().oversample());
    }

    @Test
    void aCellCheckpointStartsFromTheMatchingCellWhichRunsFirstRepeatByRepeat() {
        SuitePlan plan = plan(TWO_DATASETS + """
                checkpoints:
                  fer-pretrained:
                    kind: cell
                    with: {dataset: fer, epochs: 10}
                matrix:
                  dataset: [tiny, fer]
                  architecture: [resnet18, mobilenet_v2]
                  init: [scratch, fer-pretrained]
                  tune: [all, head]
                  exclude:
                    - {init: scratch, tune: head}
                    - {dataset: fer, init: fer-pretrained}
                  include:
                    - {dataset: tiny, epochs: 3}
                    - {dataset: fer, epochs: 10}
                repeats: 2
                """);
        // per architecture: tiny from scratch, pretrained x {all, head}; fer from scratch (10 epochs)
        assertEquals(16, plan.cells().size(), ids(plan).toString());
        for (Cell cell : plan.cells()) {
            if (cell.network().init().fromScratch()) {
                continue;
            }
            Cell source = plan.cells().stream().filter(c -> c.id().equals(cell.network().init().sourceCell())).findFirst()
                    .orElseThrow();
            assertTrue(source.index() < cell.index(), "source " + source.id() + " runs before " + cell.id());
            assertEquals("fer", source.dataset().name());
            assertEquals(cell.architecture(), source.architecture());
            assertEquals(cell.repeat(), source.repeat());
            assertEquals(10, source.training().epochs());
            assertTrue(source.network().init().fromScratch());
            assertEquals(InitSpec.Source.CELL, cell.network().init().source());
            assertEquals("fer-pretrained", cell.network().init().checkpoint());
        }
        assertEquals(4, plan.cells().stream().filter(c -> c.network().init().headOnly()).count());
        for (int i = 0; i < plan.cells().size(); i++) {
            assertEquals(i, plan.cells().get(i).index());
            assertTrue(plan.cells().get(i).id().startsWith(String.format("%03d-", i)), plan.cells().get(i).id());
        }
    }

    @Test
    void aCheckpointCanPretrainOnOneBackendAndFineTuneOnAnother() {
        SuitePlan plan = plan(TWO_DATASETS + """
                checkpoints:
                  djl-pretrained: {kind: cell, with: {backend: djl, dataset: fer}}
                matrix:
                  dataset: fer
                  backend: djl
                  include:
                    - {dataset: tiny, backend: tensorflow, init: djl-pretrained}
                """);
        assertEquals(2, plan.cells().size());
        assertEquals("djl", plan.cells().get(0).backend());
        assertEquals(plan.cells().get(0).id(), plan.cells().get(1).network().init().sourceCell());
    }

    @Test
    void aMissingSourceCellIsNamedWithTheAxesToAdd() {
        SuiteException e = rejected(TWO_DATASETS + """
                checkpoints:
                  fer-pretrained: {kind: cell, with: {dataset: fer}}
                matrix:
                  dataset: tiny
                  init: fer-pretrained
                """);
        assertEquals("checkpoints.fer-pretrained", e.key());
        assertTrue(message(e).contains("starts from the cell with {dataset: fer, init: scratch, tune: all}, which the "
                + "matrix does not have"), message(e));

        SuiteException itself = rejected(TWO_DATASETS + """
                checkpoints:
                  same: {kind: cell, with: {init: same}}
                matrix:
                  dataset: tiny
                  init: same
                """);
        assertTrue(message(itself).contains("would start from itself"), message(itself));

        SuiteException architecture = rejected(TWO_DATASETS + """
                checkpoints:
                  other: {kind: cell, with: {architecture: mobilenet_v2}}
                matrix: {dataset: tiny}
                """);
        assertEquals("checkpoints.other.with.architecture", architecture.key());
    }

    @Test
    void sourcesThatStartFromEachOtherAreACycle() {
        SuiteException e = rejected(TWO_DATASETS + """
                checkpoints:
                  a: {kind: cell, with: {dataset: fer, init: b}}
                  b: {kind: cell, with: {dataset: tiny, init: a}}
                matrix:
                  dataset: [tiny, fer]
                  init: [a, b]
                  exclude:
                    - {dataset: tiny, init: b}
                    - {dataset: fer, init: a}
                """);
        assertTrue(message(e).contains("form a cycle"), message(e));
    }

    @Test
    void aFileCheckpointNamesItsFilePerArchitecture() {
        SuitePlan plan = plan(TWO_DATASETS + """
                checkpoints:
                  imagenet: {kind: file, path: "imagenet/{architecture}.safetensors"}
                matrix:
                  dataset: tiny
                  architecture: [resnet18, mobilenet_v2]
                  init: imagenet
                  tune: head
                """);
        assertEquals(new InitSpec("imagenet", InitSpec.Source.FILE, null, "imagenet/resnet18.safetensors", false,
                InitSpec.Tune.HEAD), plan.cells().get(0).network().init());
        assertEquals("imagenet/mobilenet_v2.safetensors", plan.cells().get(1).network().init().path());

        assertEquals("checkpoints.x.path", rejected(TWO_DATASETS + "checkpoints:\n  x: {kind: file}\nmatrix: {dataset: fer}\n")
                .key());
        SuiteException undefined = rejected(TWO_DATASETS + "matrix:\n  dataset: fer\n  init: imagent\n");
        assertTrue(message(undefined).contains("checkpoint 'imagent' is not defined under checkpoints; did you mean "
                + "'scratch'?") || message(undefined).contains("checkpoint 'imagent' is not defined"), message(undefined));
    }

    @Test
    void includeEntriesTakeAClassListAsOneValue() {
        SuitePlan plan = plan(TWO_DATASETS + """
                matrix:
                  dataset: fer
                  include:
                    - {classes: [happy, sad], epochs: 3}
                """);
        assertEquals(Map.of("epochs", 3, "classes", List.of("happy", "sad")), Map.of(
                "epochs", plan.cells().get(0).training().epochs(), "classes", plan.cells().get(0).dataset().classes()));
    }
}
