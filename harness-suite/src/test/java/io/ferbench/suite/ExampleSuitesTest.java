package io.ferbench.suite;

import io.ferbench.api.cell.Device;
import io.ferbench.api.cell.Cell;

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

/** The example suites shipped under suites/examples plan as documented and point editors at the schema. */
class ExampleSuitesTest {
    private static final Path EXAMPLES = Path.of("..", "suites", "examples");

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private static SuitePlan plan(String fileName) {
        return Suites.plan(EXAMPLES.resolve(fileName));
    }

    @Test
    void everyExamplePlansAndDeclaresTheSchemaForEditors() throws IOException {
        List<Path> examples = examples();
        assertEquals(5, examples.size(), examples.toString());
        for (Path example : examples) {
            String firstLine = Files.readAllLines(example).get(0);
            assertTrue(firstLine.startsWith("# yaml-language-server: $schema="), example + ": " + firstLine);
            Path schema = example.getParent().resolve(firstLine.substring(firstLine.indexOf('=') + 1)).normalize();
            assertEquals(SuiteSchemaTest.PUBLISHED.normalize(), schema, example.toString());
            SuitePlan plan = Suites.plan(example);
            assertEquals(example.getFileName().toString(), plan.name() + ".yaml", "name matches the file name");
        }
    }

    @Test
    void syntheticSmokeRunsTheThreeArchitecturesOnTheCpu() {
        SuitePlan plan = plan("synthetic-smoke.yaml");
        assertEquals(List.of("resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"),
                plan.cells().stream().map(Cell::architecture).toList());
        assertTrue(plan.cells().stream().allMatch(c -> c.execution().device() == Device.CPU && c.training().epochs() == 3));
        assertEquals(List.of("angry", "happy", "sad"), plan.datasets().get("synthetic-48").classes());
    }

    @Test
    void learningRateSweepCoversTheStudysGridThreeTimes() {
        SuitePlan plan = plan("learning-rate-sweep.yaml");
        assertEquals(27, plan.cells().size());
        assertEquals(List.of(0.1, 0.01, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9), plan.cells().stream()
                .map(c -> c.training().optimizer().learningRate()).distinct().toList());
        assertEquals("fer2013-csv", plan.cells().get(0).dataset().kind());
    }

    @Test
    void backendComparisonExcludesDl4jOnTheGpuAndExtendsAndAddsCells() {
        SuitePlan plan = plan("backend-comparison.yaml");
        assertEquals(16, plan.cells().size(), "3 x 3 x 2, less 3 dl4j gpu cells, plus one added cell");
        assertTrue(plan.cells().stream().noneMatch(c -> c.backend().equals("dl4j") && c.execution().device().equals("gpu")));
        assertTrue(plan.cells().stream().filter(c -> c.backend().equals("dl4j")).allMatch(c -> c.execution().threads() == 4));
        assertTrue(plan.cells().stream().filter(c -> !c.backend().equals("dl4j")).allMatch(c -> c.execution().threads() == 0));
        Cell added = plan.cells().get(plan.cells().size() - 1);
        assertEquals("shufflenet_v2_x0_5", added.architecture());
        assertEquals(Map.of("interop_threads", "1"), plan.cells().get(2).execution().backendSettings());
    }

    @Test
    void studyDatasetsCrossesTheThreeDatasetsWithTheThreeArchitectures() {
        SuitePlan plan = plan("study-datasets.yaml");
        assertEquals(9, plan.cells().size());
        Set<String> pairs = plan.cells().stream().map(c -> c.dataset().name() + "/" + c.architecture())
                .collect(Collectors.toSet());
        assertEquals(9, pairs.size());
        assertTrue(plan.cells().stream().allMatch(c -> c.dataset().imageSize() == 224 && c.training().batchSize() == 128
                && c.training().epochs() == 25 && c.dataset().grayscale()));
        assertEquals(8, plan.datasets().get("affectnet-hq").classes().size());
    }
}
