package io.ferbench.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Node;
import io.ferbench.api.tensor.NamedTensors;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keras-style freezing: no updates, batch norm on (and keeping) its running statistics. */
class FreezeTest {
    private static final Set<String> FROZEN = Set.of("conv1", "bn1", "fc");

    private static void assertSame(NamedTensors before, NamedTensors after, String key) {
        assertEquals(before.get(key), after.get(key), key + " must be bit-identical");
    }

    @Test
    void frozenNodesKeepWeightsAndStatisticsOthersTrain() {
        ModelGraph graph = Fixtures.tinyGraph(0.2);
        Batch batch = Fixtures.batch(graph, 4, 1);
        try (TfTrainableModel model = Fixtures.build(graph, Fixtures.spec(graph, 1, 1e-2))) {
            model.freeze(FROZEN);
            assertEquals(FROZEN, model.frozenNodes());
            NamedTensors before = model.exportWeights();
            for (int i = 0; i < 3; i++) model.trainStep(batch);
            NamedTensors after = model.exportWeights();
            for (String key : before.keys()) {
                String node = key.substring(0, key.lastIndexOf('.'));
                if (FROZEN.contains(node)) {
                    assertSame(before, after, key);
                } else {
                    assertNotEquals(before.get(key), after.get(key), key + " of an unfrozen node must change");
                }
            }
        }
    }

    @Test
    void aFullyFrozenModelTrainsInInferenceMode() {
        ModelGraph graph = Fixtures.tinyGraph(0.0);
        Batch batch = Fixtures.batch(graph, 4, 1);
        Set<String> all = graph.nodes().stream().map(Node::name).collect(Collectors.toSet());
        try (TfTrainableModel model = Fixtures.build(graph, Fixtures.spec(graph, 1, 1e-2))) {
            model.freeze(all);
            NamedTensors before = model.exportWeights();
            float eval = model.evaluateLoss(batch);
            assertEquals(eval, model.trainStep(batch), 1e-6f,
                    "with every batch norm frozen (and no dropout) a training step computes the evaluation loss");
            assertEquals(before.asMap(), model.exportWeights().asMap());
        }
    }

    @Test
    void unfreezingResumesTrainingAndStatistics() {
        ModelGraph graph = Fixtures.tinyGraph(0.0);
        Batch batch = Fixtures.batch(graph, 4, 1);
        try (TfTrainableModel model = Fixtures.build(graph, Fixtures.spec(graph, 1, 1e-2))) {
            model.freeze(FROZEN);
            model.trainStep(batch);
            model.freeze(List.of());
            assertEquals(Set.of(), model.frozenNodes());
            NamedTensors before = model.exportWeights();
            model.trainStep(batch);
            NamedTensors after = model.exportWeights();
            for (String key : List.of("conv1.weight", "bn1.running_mean", "bn1.running_var", "fc.weight")) {
                assertNotEquals(before.get(key), after.get(key), key + " changes again once unfrozen");
            }
        }
    }

    @Test
    void freezingAddsOpsOncePerDistinctSetAndTrainingAddsNone() {
        ModelGraph graph = Fixtures.tinyGraph(0.2);
        Batch batch = Fixtures.batch(graph, 4, 1);
        try (TfTrainableModel model = Fixtures.build(graph, Fixtures.spec(graph, 1, 1e-3))) {
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

    @Test
    void unknownNodeIsNamed() {
        ModelGraph graph = Fixtures.tinyGraph(0.0);
        try (TfTrainableModel model = Fixtures.build(graph, Fixtures.spec(graph, 1, 1e-3))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.freeze(List.of("conv9")));
            assertTrue(e.getMessage().contains("conv9"), e.getMessage());
        }
    }
}
