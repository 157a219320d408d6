package io.ferbench.backend.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.testing.ModelFixtures;
import io.ferbench.backend.dl4j.nn.BuiltInBackwardConvolutionHelper;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast configuration (DL4J's oneDNN layer helpers, restored by the {@code Nd4jCpu} shim) is really
 * in use, computes what DL4J's built-in layers compute to 1e-4, and is recorded in BackendInfo; the
 * 3×3 stride-1 convolutions' built-in backward gives oneDNN's gradients.
 */
class OneDnnHelpersTest {
    private static Backend builtIn;

    @BeforeAll
    static void start() {
        builtIn = Fixtures.backend(Map.of(Dl4jSettings.ONEDNN, "false"));
    }

    @AfterAll
    static void stop() {
        builtIn.close();
    }

    @Test
    void helpersAreCreatedForConvolutionPoolingAndBatchNormOnlyWhenSwitchedOn() {
        ModelGraph graph = ModelFixtures.tinyGraph(0);
        try (Dl4jTrainableModel fast = Fixtures.build(graph, 1, 1e-3);
             Dl4jTrainableModel plain = (Dl4jTrainableModel) builtIn.build(graph, ModelFixtures.spec(graph, 1, 1e-3))) {
            for (String node : new String[] {"conv1", "bn1", "pool"}) {
                assertNotNull(helper(fast.network(), node), node + " should run on oneDNN");
                assertNull(helper(plain.network(), node), node + " should run DL4J's built-in layer");
            }
        }
        BackendInfo fast = Fixtures.backend().info();
        assertEquals("onednn", fast.configuration().get("layer_helpers"));
        assertTrue(fast.nativeVersion().contains("(oneDNN"), fast.nativeVersion());
        assertEquals("false", builtIn.info().configuration().get("onednn"));
        assertTrue(builtIn.info().configuration().get("layer_helpers").startsWith("off"));
    }

    private static Object helper(ComputationGraph network, String vertex) {
        Layer layer = network.getLayer(vertex);
        return layer.getHelper();
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"})
    void oneDnnMatchesTheBuiltInLayersTo1e4(String name) {
        ModelGraph graph = DifferentialTest.withoutDropout(Architectures.build(name, 1, 48, ModelFixtures.CLASSES, 1.0));
        ModelSpec spec = ModelFixtures.spec(graph, 21, 1e-3);
        Batch batch = ModelFixtures.batch(graph, 8, 22);
        try (Dl4jTrainableModel fast = (Dl4jTrainableModel) Fixtures.backend().build(graph, spec);
             Dl4jTrainableModel plain = (Dl4jTrainableModel) builtIn.build(graph, spec)) {
            float[][] expected = plain.predict(batch, false).logits();
            float[][] actual = fast.predict(batch, false).logits();
            float scale = 0;
            for (float[] row : expected) for (float v : row) scale = Math.max(scale, Math.abs(v));
            assertTrue(Fixtures.maxAbsDiff(expected, actual) <= 1e-4 * scale, name + " eval logits");
            float lossPlain = plain.trainStep(batch);
            float lossFast = fast.trainStep(batch);
            assertEquals(lossPlain, lossFast, 1e-4 * lossPlain, name + " training-mode loss");
        }
    }

    /**
     * Batch 16, above the size from which oneDNN picks Winograd for the 3×3 backward passes: every
     * gradient of ResNet-18 (and the batch-norm statistics deltas) agrees with oneDNN's own backward to
     * 1e-4 of its largest element.
     */
    @Test
    void builtInBackwardOf3x3ConvolutionsGivesOneDnnsGradients() {
        ModelGraph graph = Architectures.build("resnet18", 1, 48, ModelFixtures.CLASSES, 1.0);
        ModelSpec spec = ModelFixtures.spec(graph, 5, 1e-3);
        Batch batch = ModelFixtures.batch(graph, 16, 6);
        Backend oneDnnBackward = Fixtures.backend(Map.of(Dl4jSettings.ONEDNN_3X3_BACKWARD, "true"));
        try (Dl4jTrainableModel routed = (Dl4jTrainableModel) Fixtures.backend().build(graph, spec);
             Dl4jTrainableModel oneDnn = (Dl4jTrainableModel) oneDnnBackward.build(graph, spec)) {
            assertTrue(helper(routed.network(), "layer4.0.conv2") instanceof BuiltInBackwardConvolutionHelper);
            assertTrue(helper(oneDnn.network(), "layer4.0.conv2") instanceof MKLDNNConvHelper);
            Map<String, INDArray> expected = gradients(oneDnn.network(), batch);
            Map<String, INDArray> actual = gradients(routed.network(), batch);
            assertEquals(expected.keySet(), actual.keySet());
            for (Map.Entry<String, INDArray> e : expected.entrySet()) {
                double scale = e.getValue().amaxNumber().doubleValue();
                double diff = e.getValue().sub(actual.get(e.getKey())).amaxNumber().doubleValue();
                assertTrue(diff <= 1e-4 * scale, e.getKey() + ": differs by " + diff + " (largest " + scale + ")");
            }
        } finally {
            oneDnnBackward.close();
        }
    }

    /** DL4J's summed gradients of one training-mode forward and backward pass, copied out. */
    private static Map<String, INDArray> gradients(ComputationGraph network, Batch batch) {
        INDArray images = Nd4j.create(batch.images(), new long[] {batch.size(), 1, 48, 48}, 'c');
        INDArray labels = Nd4j.zeros(batch.size(), ModelFixtures.CLASSES);
        for (int i = 0; i < batch.size(); i++) labels.putScalar(i, batch.labels()[i], 1);
        network.setInputs(images);
        network.setLabels(labels);
        network.computeGradientAndScore();
        Map<String, INDArray> copies = new java.util.TreeMap<>();
        network.gradient().gradientForVariable().forEach((key, g) -> copies.put(key, g.dup()));
        return copies;
    }
}
