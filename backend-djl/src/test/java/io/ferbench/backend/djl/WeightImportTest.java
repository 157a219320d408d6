package io.ferbench.backend.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.testing.ModelFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Importing weights by IR key: shape checks that name the key, strict and partial imports. */
class WeightImportTest {
    private final ModelGraph graph = ModelFixtures.tinyGraph(0.0);

    private static NamedTensors without(NamedTensors all, String key) {
        NamedTensors out = new NamedTensors();
        for (Map.Entry<String, FloatTensor> e : all.asMap().entrySet()) {
            if (!e.getKey().equals(key)) out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    @Test
    void aWrongShapeNamesTheKeyAndBothShapesAndChangesNothing() {
        try (TrainableModel model = Fixtures.backend().build(graph, ModelFixtures.spec(graph, 1, 1e-3))) {
            NamedTensors before = model.exportWeights();
            NamedTensors bad = WeightInitializer.initialise(graph, 2);
            bad.put("fc.weight", new FloatTensor(new long[] {3, 8}, new float[24]));
            for (boolean strict : new boolean[] {true, false}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> model.importWeights(bad, strict));
                assertTrue(e.getMessage().contains("'fc.weight'") && e.getMessage().contains("[3, 8]")
                        && e.getMessage().contains("[7, 8]"), e.getMessage());
            }
            // checked before anything is written: conv1 kept its value although it came first
            assertArrayEquals(before.get("conv1.weight").data(), model.exportWeights().get("conv1.weight").data());
        }
    }

    @Test
    void strictImportNeedsEveryKeyAndAPartialImportKeepsTheRest() {
        try (TrainableModel model = Fixtures.backend().build(graph, ModelFixtures.spec(graph, 1, 1e-3))) {
            NamedTensors before = model.exportWeights();
            NamedTensors other = WeightInitializer.initialise(graph, 99);
            NamedTensors partial = without(other, "bn2.running_var");

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.importWeights(partial, true));
            assertTrue(e.getMessage().contains("bn2.running_var"), e.getMessage());

            NamedTensors headless = without(other, "fc.weight");
            model.importWeights(headless, false);
            NamedTensors after = model.exportWeights();
            assertArrayEquals(before.get("fc.weight").data(), after.get("fc.weight").data(), "absent key kept");
            assertArrayEquals(other.get("conv1.weight").data(), after.get("conv1.weight").data(), "present key loaded");
            assertArrayEquals(other.get("fc.bias").data(), after.get("fc.bias").data());
        }
    }

    @Test
    void initialWeightsWithAWrongShapeAreRejectedAtBuild() {
        NamedTensors bad = WeightInitializer.initialise(graph, 1);
        bad.put("bn1.weight", new FloatTensor(new long[] {4}, new float[4]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fixtures.backend()
                .build(graph, new ModelSpec(1, bad, OptimizerSpec.adam(1e-3), null)));
        assertTrue(e.getMessage().contains("'bn1.weight'") && e.getMessage().contains("[4]")
                && e.getMessage().contains("[8]"), e.getMessage());
    }
}
