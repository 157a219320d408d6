package io.ferbench.backend.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Node;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** freeze(): no updates, batch norms in inference mode (Keras semantics), optimizer state kept. */
class FreezeTest {
    private static final List<String> BACKBONE_PARAMETERS = List.of("conv1.weight", "bn1.weight", "bn1.bias",
            "bn1.running_mean", "bn1.running_var", "dw.weight", "bn2.weight", "bn2.bias", "bn2.running_mean",
            "bn2.running_var", "pw.weight", "pw.bias");

    /** Every node but the dense head. */
    private static List<String> backbone(ModelGraph graph) {
        return graph.nodes().stream().map(Node::name).filter(n -> !n.equals("fc")).toList();
    }

    @Test
    void frozenWeightsAndBatchNormStatisticsStayBitIdentical() {
        ModelGraph graph = Fixtures.tinyGraph(0);
        Batch batch = Fixtures.batch(graph, 8, 4);
        try (Dl4jTrainableModel model = Fixtures.build(graph, 2, 1e-2)) {
            model.trainStep(batch);  // move the running statistics away from their initial values
            model.freeze(backbone(graph));
            assertEquals(Set.copyOf(backbone(graph)), model.frozenNodes());
            // nothing upstream of the backbone trains, so it needs no backward pass at all
            assertTrue(model.network().getLayer("conv1") instanceof org.deeplearning4j.nn.layers.FrozenLayer);
            assertTrue(model.network().getLayer("bn2") instanceof org.deeplearning4j.nn.layers.FrozenLayer);
            NamedTensors before = model.exportWeights();
            for (int i = 0; i < 3; i++) model.trainStep(batch);
            NamedTensors after = model.exportWeights();
            for (String key : BACKBONE_PARAMETERS) assertEquals(before.get(key), after.get(key), key);
            assertNotEquals(before.get("fc.weight"), after.get("fc.weight"), "the head still trains");

            model.freeze(List.of());
            model.trainStep(batch);
            NamedTensors unfrozen = model.exportWeights();
            assertNotEquals(after.get("conv1.weight"), unfrozen.get("conv1.weight"), "unfreezing resumes training");
            assertNotEquals(after.get("bn1.running_mean"), unfrozen.get("bn1.running_mean"));
        }
    }

    @Test
    void frozenBatchNormUsesItsRunningStatisticsInTraining() {
        ModelGraph graph = Fixtures.tinyGraph(0);
        Batch batch = Fixtures.batch(graph, 8, 5);
        try (Dl4jTrainableModel model = Fixtures.build(graph, 3, 1e-2)) {
            // non-trivial running statistics, far from this batch's own
            NamedTensors stats = new NamedTensors();
            for (String bn : List.of("bn1", "bn2")) {
                float[] mean = new float[8];
                float[] var = new float[8];
                for (int c = 0; c < 8; c++) {
                    mean[c] = 0.3f * (c - 4);
                    var[c] = 0.5f + c;
                }
                stats.put(bn + ".running_mean", new FloatTensor(new long[] {8}, mean));
                stats.put(bn + ".running_var", new FloatTensor(new long[] {8}, var));
            }
            model.importWeights(stats, false);
            model.freeze(backbone(graph));
            // with every batch norm frozen and no dropout, training mode computes the evaluation function
            float evaluation = model.evaluateLoss(batch);
            float training = model.trainStep(batch);
            assertEquals(evaluation, training, 1e-6f);

            // everything frozen: a step still reports the loss and changes nothing
            model.freeze(graph.nodes().stream().map(Node::name).toList());
            NamedTensors before = model.exportWeights();
            assertEquals(model.evaluateLoss(batch), model.trainStep(batch), 1e-6f);
            NamedTensors after = model.exportWeights();
            for (String key : before.keys()) assertEquals(before.get(key), after.get(key), key);
        }
    }

    @Test
    void aFrozenBatchNormBehindTrainableNodesStaysFixedAndPassesGradientsBack(@TempDir Path dir) throws Exception {
        ModelGraph graph = Fixtures.tinyGraph(0);
        Batch batch = Fixtures.batch(graph, 8, 6);
        try (Dl4jTrainableModel model = Fixtures.build(graph, 4, 1e-2)) {
            model.trainStep(batch);
            model.freeze(List.of("bn2"));  // dw, upstream of it, stays trainable
            NamedTensors before = model.exportWeights();
            for (int i = 0; i < 3; i++) model.trainStep(batch);
            NamedTensors after = model.exportWeights();
            for (String key : List.of("bn2.weight", "bn2.bias", "bn2.running_mean", "bn2.running_var")) {
                assertEquals(before.get(key), after.get(key), key);
            }
            assertNotEquals(before.get("dw.weight"), after.get("dw.weight"), "the gradient reaches dw through bn2");
            assertNotEquals(before.get("bn1.running_mean"), after.get("bn1.running_mean"));
            // the native file keeps the frozen graph
            ComputationGraph restored = Nd4jRuntime.withLayerHelpers(true, () -> load(model.saveNative(dir)));
            INDArray input = Nd4j.create(batch.images(), new long[] {8, 1, 12, 12}, 'c');
            assertArrayEquals(model.predict(batch, false).logits(), restored.output(false, input)[0].toFloatMatrix());
            restored.close();
            // its parameters still export, import and unfreeze like any batch norm's
            model.freeze(List.of());
            assertEquals(after.get("bn2.running_var"), model.exportWeights().get("bn2.running_var"));
        }
    }

    private static ComputationGraph load(Path file) {
        try {
            return ComputationGraph.load(file.toFile(), false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anUnknownNodeIsAnErrorNamingItAndChangesNothing() {
        ModelGraph graph = Fixtures.tinyGraph(0);
        try (Dl4jTrainableModel model = Fixtures.build(graph, 1, 1e-3)) {
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> model.freeze(List.of("conv1", "conv9")));
            assertTrue(unknown.getMessage().contains("conv9"), unknown.getMessage());
            assertEquals(Set.of(), model.frozenNodes());
        }
    }
}
