package io.ferbench.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.testing.ModelFixtures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keras-style freezing: no updates, batch norm on (and keeping) its running statistics. */
class FreezeTest {
    private static final Set<String> FROZEN = Set.of("conv1", "bn1", "fc");

    private static void assertSame(NamedTensors before, NamedTensors after, String key) {
        assertEquals(before.get(key), after.get(key), key + " must be bit-identical");
    }

    @Test
    void freezingAddsOpsOncePerDistinctSetAndTrainingAddsNone() {
        ModelGraph graph = Fixtures.tinyGraph(0.2);
        Batch batch = ModelFixtures.batch(graph, 4, 1);
        try (TfTrainableModel model = Fixtures.build(graph, ModelFixtures.spec(graph, 1, 1e-3))) {
            model.trainStep(batch);
            long size = model.graphSize();
            for (int i = 0; i < 3; i++) model.trainStep(batch);
            model.evaluateLoss(batch);
            model.predict(batch, true);
            model.importWeights(model.exportWeights(), true);
            model.setLearningRate(1e-4);
            assertEquals(size, model.graphSize(), "steps, evaluation, export/import and lr changes add no ops");

            model.freeze(FROZEN);
            long withFrozenPath = model.graphSize();
            assertTrue(withFrozenPath > size, "a new frozen set builds its training path");
            model.freeze(List.of());
            model.freeze(List.of("fc", "bn1", "conv1", "relu")); // same parameter nodes, another order
            model.trainStep(batch);
            assertEquals(withFrozenPath, model.graphSize(), "known frozen sets reuse their path");
        }
    }

}
