package io.ferbench.backend.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Node;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.testing.ModelFixtures;
import java.nio.file.Path;
import java.util.List;
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
    void aFrozenBatchNormBehindTrainableNodesStaysFixedAndPassesGradientsBack(@TempDir Path dir) throws Exception {
        ModelGraph graph = ModelFixtures.tinyGraph(0);
        Batch batch = ModelFixtures.batch(graph, 8, 6);
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

}
