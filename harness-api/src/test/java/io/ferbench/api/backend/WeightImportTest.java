package io.ferbench.api.backend;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.Parameters;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.testing.ModelFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weight check that runs before any backend loads weights. */
class WeightImportTest {
    private final ModelGraph graph = ModelFixtures.tinyGraph(0);
    private final List<ParameterDef> parameters = Parameters.of(graph);

    @Test
    void acceptsTheModelsOwnWeights() {
        NamedTensors weights = WeightInitializer.initialise(graph, 1);
        assertDoesNotThrow(() -> WeightImport.check(weights, parameters, true, "initial weights", "tiny"));
    }

    @Test
    void aWrongShapeNamesTheKeyAndBothShapes() {
        NamedTensors weights = WeightInitializer.initialise(graph, 1);
        weights.put("fc.weight", new FloatTensor(new long[] {3, 2}, new float[6]));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightImport.check(weights, parameters, false, "imported weights", "tiny"));
        assertEquals("imported weights: 'fc.weight' has shape [3, 2] but model 'tiny' expects [7, 8]", e.getMessage());
    }

    @Test
    void missingKeysFailOnlyWhenStrict() {
        NamedTensors none = new NamedTensors();
        assertDoesNotThrow(() -> WeightImport.check(none, parameters, false, "imported weights", "tiny"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightImport.check(none, parameters, true, "imported weights", "tiny"));
        assertEquals(true, e.getMessage().startsWith("imported weights lack " + parameters.size() + " of the "
                + parameters.size() + " parameters of model 'tiny': conv1.weight, "), e.getMessage());
        assertEquals(true, e.getMessage().endsWith(", ..."), e.getMessage());
    }
}
