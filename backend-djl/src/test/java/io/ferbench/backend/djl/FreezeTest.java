package io.ferbench.backend.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.Parameters;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.testing.ModelFixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Frozen nodes keep their weights and batch-norm statistics bit for bit; the rest trains. */
class FreezeTest {

    private static void assertFrozenExactly(ModelGraph graph, Set<String> frozen, NamedTensors before,
                                            NamedTensors after) {
        for (ParameterDef def : Parameters.of(graph)) {
            boolean same = Arrays.equals(before.get(def.key()).data(), after.get(def.key()).data());
            if (frozen.contains(def.node())) {
                assertTrue(same, def.key() + " belongs to a frozen node and must not change");
            } else {
                assertFalse(same, def.key() + " belongs to a trainable node and must change");
            }
        }
    }

    @Test
    void frozenNodesKeepWeightsAndRunningStatisticsWhileTheRestTrains() {
        ModelGraph graph = ModelFixtures.tinyGraph(0.2);
        Set<String> frozen = Set.of("conv1", "bn1", "relu", "dw", "bn2");
        Batch batch = ModelFixtures.batch(graph, 8, ModelFixtures.CLASSES, 41);
        try (TrainableModel model = Fixtures.backend().build(graph, ModelFixtures.spec(graph, 5, 1e-2))) {
            model.freeze(frozen);
            NamedTensors before = model.exportWeights();
            for (int i = 0; i < 3; i++) model.trainStep(batch);
            assertFrozenExactly(graph, frozen, before, model.exportWeights());
        }
    }

    @Test
    void freezingReplacesThePreviousSetAndUnfrozenNodesTrainAgain() {
        ModelGraph graph = ModelFixtures.tinyGraph(0.0);
        Batch batch = ModelFixtures.batch(graph, 8, ModelFixtures.CLASSES, 42);
        try (TrainableModel model = Fixtures.backend().build(graph, ModelFixtures.spec(graph, 6, 1e-2))) {
            model.freeze(List.of("conv1", "bn1"));
            model.trainStep(batch);
            Set<String> now = Set.of("fc", "pw", "bn2");
            model.freeze(now);
            NamedTensors before = model.exportWeights();
            model.trainStep(batch);
            assertFrozenExactly(graph, now, before, model.exportWeights());
            model.freeze(List.of());
            NamedTensors unfrozen = model.exportWeights();
            model.trainStep(batch);
            assertFrozenExactly(graph, Set.of(), unfrozen, model.exportWeights());
        }
    }

    @Test
    void frozenBatchNormRunsInInferenceModeDuringTraining() {
        // A frozen batch norm normalises with its running statistics, so with every node frozen a
        // training step's loss equals the evaluation loss (no dropout in this graph).
        ModelGraph graph = ModelFixtures.tinyGraph(0.0);
        Batch batch = ModelFixtures.batch(graph, 8, ModelFixtures.CLASSES, 43);
        try (TrainableModel model = Fixtures.backend().build(graph, ModelFixtures.spec(graph, 7, 1e-2))) {
            model.trainStep(batch);  // running statistics move away from 0 / 1
            model.freeze(graph.nodes().stream().map(n -> n.name()).toList());
            float evaluation = model.evaluateLoss(batch);
            assertEquals(evaluation, model.trainStep(batch), 1e-6f);
            model.freeze(List.of());
            assertTrue(Math.abs(evaluation - model.trainStep(batch)) > 1e-4,
                    "unfrozen, batch norm uses batch statistics and the training loss differs");
        }
    }

    @Test
    void freezingAResNetBackboneKeepsItIntact() {
        ModelGraph graph = Architectures.build("resnet18", 1, 32, ModelFixtures.CLASSES, 1.0);
        Set<String> frozen = new java.util.HashSet<>();
        for (var node : graph.nodes()) {
            if (!node.name().startsWith("layer4") && !node.name().equals("fc")) frozen.add(node.name());
        }
        Batch batch = ModelFixtures.batch(graph, 4, ModelFixtures.CLASSES, 44);
        try (TrainableModel model = Fixtures.backend().build(graph, ModelFixtures.spec(graph, 8, 1e-3))) {
            model.freeze(frozen);
            NamedTensors before = model.exportWeights();
            model.trainStep(batch);
            model.trainStep(batch);
            assertFrozenExactly(graph, frozen, before, model.exportWeights());
        }
    }

    @Test
    void unknownNodeNamesAreRejected() {
        ModelGraph graph = ModelFixtures.tinyGraph(0.0);
        try (TrainableModel model = Fixtures.backend().build(graph, ModelFixtures.spec(graph, 1, 1e-3))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.freeze(List.of("conv1", "conv9")));
            assertTrue(e.getMessage().contains("conv9"), e.getMessage());
            // the failed call froze nothing: conv1 still trains
            NamedTensors before = model.exportWeights();
            model.trainStep(ModelFixtures.batch(graph, 4, ModelFixtures.CLASSES, 45));
            assertFalse(Arrays.equals(before.get("conv1.weight").data(), model.exportWeights().get("conv1.weight").data()));
        }
    }
}
