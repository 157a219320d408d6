package io.ferbench.backend.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.backend.Prediction;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.ModelStats;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.NamedTensors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three benchmark architectures compile to DL4J graphs with the IR's parameters, exactly. */
class ArchitecturesTest {

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"})
    void compilesWithTheIrParameterCountAndExportsTheInitialWeightsUnchanged(String name) {
        ModelGraph graph = Architectures.build(name, 1, 48, Fixtures.CLASSES, 1.0);
        ModelStats stats = ModelStats.of(graph);
        NamedTensors initial = WeightInitializer.initialise(graph, 3);
        try (Dl4jTrainableModel model = Fixtures.build(graph, 3, 1e-3)) {
            // DL4J counts batch-norm running statistics as parameters; the IR counts them as buffers
            assertEquals(stats.parameters() + stats.buffers(), model.network().numParams(), name);
            NamedTensors exported = model.exportWeights();
            assertEquals(initial.keys(), exported.keys());
            for (String key : initial.keys()) assertEquals(initial.get(key), exported.get(key), key);

            Prediction p = model.predict(Fixtures.batch(graph, 2, 5), true);
            assertEquals(2, p.logits().length);
            assertEquals(Fixtures.CLASSES, p.logits()[0].length);
            long featureDim = io.ferbench.api.ir.Shapes.infer(graph).get(graph.features())[0];
            assertEquals(featureDim, p.features()[0].length);
            for (float v : p.logits()[0]) assertTrue(Float.isFinite(v));
        }
    }
}
