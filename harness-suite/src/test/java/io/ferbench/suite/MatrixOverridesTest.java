package io.ferbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.cell.Cell;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --only KEY=V1[,V2]} and {@code --set KEY=VALUE}: the matrix changed from the command line. */
class MatrixOverridesTest {
    /** The quickstart's matrix: three architectures on three backends, epochs per architecture by include. */
    private static final String QUICKSTART = SuiteTexts.SYNTHETIC_HEADER + """
            matrix:
              architecture: [resnet18, mobilenet_v2, shufflenet_v2_x1_0]
              backend: [djl, tensorflow, dl4j]
              include:
                - {architecture: resnet18, epochs: 4}
                - {architecture: mobilenet_v2, epochs: 7}
                - {architecture: shufflenet_v2_x1_0, epochs: 7}
            """;

    private static SuitePlan plan(String yaml, List<String> only, List<String> set) {
        return Suites.plan(yaml, SuiteTexts.FILE, MatrixOverrides.of(only, set));
    }

    private static String rejected(String yaml, List<String> only, List<String> set) {
        return assertThrows(SuiteException.class, () -> plan(yaml, only, set)).getMessage();
    }

    @Test
    void onlyKeepsTheCellsOfTheValuesWithTheirIdsAndSetGivesEveryCellTheValue() {
        SuitePlan whole = SuiteTexts.plan(QUICKSTART);
        SuitePlan resnet = plan(QUICKSTART, List.of("architecture=resnet18"), List.of());
        assertEquals(3, resnet.cells().size());
        assertTrue(resnet.cells().stream().allMatch(c -> c.architecture().equals("resnet18")));
        assertEquals(whole.cells().subList(0, 3).stream().map(Cell::id).toList(),
                resnet.cells().stream().map(Cell::id).toList(), "ids as in the whole suite");

        SuitePlan oneEpoch = plan(QUICKSTART, List.of("architecture=resnet18"), List.of("epochs=1"));
        assertEquals(3, oneEpoch.cells().size());
        assertTrue(oneEpoch.cells().stream().allMatch(c -> c.training().epochs() == 1), "include's epochs replaced");
        assertEquals(List.of("djl", "tensorflow", "dl4j"), oneEpoch.cells().stream().map(Cell::backend).toList());

        SuitePlan two = plan(QUICKSTART, List.of("architecture=resnet18,mobilenet_v2", "backend=[djl]"), List.of());
        assertEquals(List.of("resnet18", "mobilenet_v2"), two.cells().stream().map(Cell::architecture).toList());
    }

    @Test
    void setCollapsesCellsThatBecomeEqualAndTakesEveryAxisType() {
        String yaml = SuiteTexts.SYNTHETIC_HEADER + """
                matrix:
                  learning_rate: [0.1, 0.01]
                  early_stopping: true
                """;
        SuitePlan plan = plan(yaml, List.of(), List.of("learning_rate=1e-3", "early_stopping=false",
                "classes=[angry, happy]"));
        assertEquals(1, plan.cells().size(), "both learning rates became 0.001");
        Cell cell = plan.cells().get(0);
        assertEquals(0.001, cell.training().optimizer().learningRate());
        assertEquals(false, cell.training().earlyStopping().enabled());
        assertEquals(List.of("angry", "happy"), cell.dataset().classes());
    }

    @Test
    void badOverridesGetTheSuitesMessagesNamingTheFlag() {
        assertTrue(rejected(QUICKSTART, List.of("architecture=resnt18"), List.of())
                .contains("--only architecture[0]: unknown architecture 'resnt18'; did you mean 'resnet18'?"),
                rejected(QUICKSTART, List.of("architecture=resnt18"), List.of()));
        String epochs = rejected(QUICKSTART, List.of(), List.of("epochs=0"));
        assertEquals("test.yaml: --set epochs: 0 is out of range; expected an integer from 1 to 10000", epochs);
        String key = rejected(QUICKSTART, List.of(), List.of("epoch=1"));
        assertTrue(key.contains("--set: unknown key 'epoch'") && key.contains("did you mean 'epochs'?"), key);
        String absent = rejected(QUICKSTART, List.of("backend=djl", "image_size=64"), List.of());
        assertTrue(absent.contains("--only image_size: no cell of the suite has image_size 64 (its cells have: 48)"),
                absent);
        String several = rejected(QUICKSTART, List.of(), List.of("epochs=[1, 2]"));
        assertTrue(several.contains("--set epochs: --set gives every cell one value, got 2"), several);
        IllegalArgumentException form = assertThrows(IllegalArgumentException.class,
                () -> MatrixOverrides.of(List.of("architecture"), List.of()));
        assertTrue(form.getMessage().contains("--only 'architecture': expected KEY=VALUE"), form.getMessage());
        String none = rejected(QUICKSTART, List.of("architecture=resnet18", "epochs=7"), List.of());
        assertTrue(none.contains("--only: no cell of the suite has all of architecture=resnet18 and epochs=7"), none);
    }

    @Test
    void onlyKeepsTheCellsAKeptCellStartsFrom() {
        String yaml = """
                name: transfer
                datasets:
                  fer: {kind: synthetic, classes: [angry, happy, sad]}
                  tiny: {kind: synthetic, classes: [angry, happy]}
                checkpoints:
                  fer-pretrained: {kind: cell, with: {dataset: fer}}
                matrix:
                  dataset: fer
                  include:
                    - {dataset: tiny, init: fer-pretrained}
                """;
        SuitePlan plan = plan(yaml, List.of("dataset=tiny"), List.of());
        assertEquals(List.of("fer", "tiny"), plan.cells().stream().map(c -> c.dataset().name()).toList());
        assertEquals(plan.cells().get(0).id(), plan.cells().get(1).network().init().sourceCell());
    }
}
