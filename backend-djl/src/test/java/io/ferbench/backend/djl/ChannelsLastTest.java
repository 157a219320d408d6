package io.ferbench.backend.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.ferbench.api.arch.Architectures;
import io.ferbench.api.arch.Stem;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Node;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.testing.ModelFixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Channels-last is a memory layout, so it must give channels-first's values to rounding. It did not at first:
 * libtorch 2.7.1's oneDNN 1×1 convolution on channels-last input ({@code brgconv_1x1}) returned wrong values for
 * the last, partial block of output channels (MobileNetV2's 320 and 1280 outputs: 30–60 % of the largest value
 * off), which these comparisons catch and {@link LayerOps#pointwiseConv2d} avoids.
 *
 * <p>Tolerances, relative to each array's largest magnitude: in inference mode every node agrees to below 1e-6
 * (measured), checked at 1e-5. In training mode batch norm normalises with batch statistics, and rounding
 * grows through MobileNetV2's 52 batch norms from 3e-6 at the stem to 1.4e-4 at the last layers (batch 32, small
 * stem; smoothly, no node jumps), checked at 1e-3; the wrong kernel was off by more than 0.3.
 */
class ChannelsLastTest {
    private static final double INFERENCE_TOLERANCE = 1e-5;
    private static final double TRAINING_TOLERANCE = 1e-3;
    private static final double LOSS_TOLERANCE = 1e-4;
    private static final double GRADIENT_TOLERANCE = 1e-4;

    /** Output-channel counts that libtorch's channels-last 1×1 convolution got wrong on the CPU (AVX-512). */
    @ParameterizedTest
    @ValueSource(ints = {80, 320, 1280})
    void pointwiseConvolutionOnChannelsLastInputMatchesChannelsFirstConvolution(int outChannels) {
        Random random = new Random(outChannels);
        try (NDManager manager = Fixtures.manager(); GradMode ignored = GradMode.off()) {
            NDArray x = gaussian(manager, random, new Shape(6, 64, 3, 3), 1);
            NDArray weight = gaussian(manager, random, new Shape(outChannels, 64, 1, 1), 0.1f);
            NDArray bias = gaussian(manager, random, new Shape(outChannels), 1);
            Op.Conv2d op = new Op.Conv2d(outChannels, 1, 1, 0, 1, true);
            assertTrue(LayerOps.isPointwise(op));
            NDArray expected = LayerOps.conv2d(x, op, weight, bias);
            NDArray actual = LayerOps.pointwiseConv2d(GraphBlock.channelsLast(x), weight, bias);
            assertEquals(expected.getShape(), actual.getShape());
            assertClose(expected, actual, INFERENCE_TOLERANCE, outChannels + " output channels");
        }
    }

    @Test
    void channelsLastOnlyForGraphsWithGroupedConvolutions() {
        assertTrue(new GraphBlock(graph("mobilenet_v2", false)).channelsLast());
        assertTrue(new GraphBlock(graph("shufflenet_v2_x1_0", false)).channelsLast());
        assertFalse(new GraphBlock(Architectures.build("resnet18", 1, 48, ModelFixtures.CLASSES, 1.0)).channelsLast());
    }

    @ParameterizedTest
    @CsvSource({"mobilenet_v2, false", "mobilenet_v2, true", "shufflenet_v2_x1_0, false"})
    void everyNodeAgreesWithChannelsFirst(String name, boolean smallStem) {
        ModelGraph graph = graph(name, smallStem);
        NamedTensors weights = WeightInitializer.initialise(graph, 42);
        Batch batch = ModelFixtures.batch(graph, 32, 17);
        for (boolean training : new boolean[] {false, true}) {
            try (NDManager first = Fixtures.manager(); NDManager last = Fixtures.manager();
                 GradMode ignored = GradMode.off()) {
                Map<String, NDArray> expected = nodes(graph, false, weights, batch, first, training);
                Map<String, NDArray> actual = nodes(graph, true, weights, batch, last, training);
                CrossEntropy crossEntropy = new CrossEntropy(ModelFixtures.CLASSES, null, 0);
                float expectedLoss = crossEntropy.loss(expected.get(graph.output()), batch.labels()).getFloat();
                float actualLoss = crossEntropy.loss(actual.get(graph.output()), batch.labels()).getFloat();
                assertEquals(expectedLoss, actualLoss, LOSS_TOLERANCE * expectedLoss, "loss, training " + training);
                for (Node node : graph.nodes()) {
                    assertClose(expected.get(node.name()), actual.get(node.name()),
                            training ? TRAINING_TOLERANCE : INFERENCE_TOLERANCE,
                            (training ? "training" : "inference") + " node " + node.name());
                }
            }
        }
    }

    /**
     * One training step's loss and every parameter's gradient and updated running statistic, on the network with
     * its ReLU and ReLU6 activations left out. With them, gradients cannot be compared element by element:
     * rounding-level differences in the forward pass flip a few ReLU6 masks, and one flipped element moves a
     * batch-norm bias gradient (a sum over 32 × 2 × 2 values) by about 1 %; multiplying the input by 1 + 1e-6
     * moved MobileNetV2's channels-first gradients by up to 7 %. ReLU6's backward on channels-last input is
     * checked on its own below.
     */
    @ParameterizedTest
    @CsvSource({"mobilenet_v2, false", "mobilenet_v2, true", "shufflenet_v2_x1_0, false"})
    void gradientsAgreeWithChannelsFirst(String name, boolean smallStem) {
        ModelGraph graph = withoutActivations(graph(name, smallStem));
        NamedTensors weights = WeightInitializer.initialise(graph, 42);
        Batch batch = ModelFixtures.batch(graph, 32, 17);
        try (NDManager first = Fixtures.manager(); NDManager last = Fixtures.manager()) {
            GraphBlock channelsFirst = initialised(graph, false, weights, first);
            GraphBlock channelsLast = initialised(graph, true, weights, last);
            float expectedLoss = lossAndGradients(channelsFirst, batch, first);
            float actualLoss = lossAndGradients(channelsLast, batch, last);
            assertEquals(expectedLoss, actualLoss, LOSS_TOLERANCE * expectedLoss, "loss");
            List<String> failures = new ArrayList<>();
            try (GradMode ignored = GradMode.off()) {
                Map<String, float[]> expected = gradientsAndStatistics(channelsFirst);
                Map<String, float[]> actual = gradientsAndStatistics(channelsLast);
                // some of these are zero but for rounding (a batch norm's scale and shift where a later batch
                // norm, through per-channel ops only, undoes them; the running means after such a chain), so
                // each array is measured against at least a hundredth of the largest of its kind
                double gradientFloor = 0.01 * largest(expected, true, channelsFirst);
                double statisticFloor = 0.01 * largest(expected, false, channelsFirst);
                for (ParameterDef def : channelsFirst.definitions()) {
                    String failure = difference(expected.get(def.key()), actual.get(def.key()), GRADIENT_TOLERANCE,
                            def.trainable() ? gradientFloor : statisticFloor,
                            (def.trainable() ? "gradient of " : "running statistic ") + def.key());
                    if (failure != null) failures.add(failure);
                }
            }
            assertTrue(failures.isEmpty(), failures.size() + " arrays differ:\n" + String.join("\n", failures));
        }
    }

    /** Each trainable parameter's gradient, and each buffer's value, by key. */
    private static Map<String, float[]> gradientsAndStatistics(GraphBlock block) {
        Map<String, float[]> arrays = new LinkedHashMap<>();
        for (ParameterDef def : block.definitions()) {
            NDArray array = block.parameter(def.key()).getArray();
            arrays.put(def.key(), (def.trainable() ? array.getGradient() : array).toFloatArray());
        }
        return arrays;
    }

    private static double largest(Map<String, float[]> arrays, boolean trainable, GraphBlock block) {
        double largest = 0;
        for (ParameterDef def : block.definitions()) {
            if (def.trainable() != trainable) continue;
            for (float value : arrays.get(def.key())) largest = Math.max(largest, Math.abs(value));
        }
        return largest;
    }

    @Test
    void relu6BackwardOnChannelsLastInputMatchesChannelsFirst() {
        assertBackwardAgreesAcrossLayouts(new Shape(32, 96, 6, 6), new long[0], (manager, x, parameters) ->
                StatelessOps.relu6(x));
    }

    /** Batch norm's backward on channels-last input, with channels-first upstream gradients. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void batchNormBackwardOnChannelsLastInputMatchesChannelsFirst(boolean training) {
        assertBackwardAgreesAcrossLayouts(new Shape(32, 1280, 2, 2), new long[] {1280, 1280}, (manager, x, gammaBeta) ->
                LayerOps.batchNorm(x, new Op.BatchNorm(1e-5, 0.1), gammaBeta.get(0), gammaBeta.get(1),
                        manager.zeros(new Shape(1280)), manager.ones(new Shape(1280)), training));
    }

    /** An op under test: its output for {@code x} and its random {@code parameters}. */
    private interface LayerUnderTest {
        NDArray apply(NDManager manager, NDArray x, List<NDArray> parameters);
    }

    /**
     * The gradients of sum(layer(x) · upstream) with respect to x and each parameter (random vectors of the given
     * sizes) agree whether x is channels-first or channels-last; the upstream gradient is channels-first.
     */
    private static void assertBackwardAgreesAcrossLayouts(Shape shape, long[] parameterSizes, LayerUnderTest layer) {
        List<List<float[]>> gradients = new ArrayList<>();
        for (int layout = 0; layout < 2; layout++) {
            Random random = new Random(shape.size());
            try (NDManager manager = Fixtures.manager()) {
                NDArray input = gaussian(manager, random, shape, 4);
                NDArray upstream = gaussian(manager, random, shape, 1);
                List<NDArray> differentiated = new ArrayList<>();
                differentiated.add(layout == 0 ? input : GraphBlock.channelsLast(input));
                for (long size : parameterSizes) differentiated.add(gaussian(manager, random, new Shape(size), 1));
                for (NDArray array : differentiated) array.setRequiresGradient(true);
                try (GradientCollector collector = Engine.getEngine(EngineSetup.ENGINE_NAME).newGradientCollector()) {
                    NDArray y = layer.apply(manager, differentiated.get(0), differentiated.subList(1,
                            differentiated.size()));
                    collector.backward(y.mul(upstream).sum());
                }
                List<float[]> layoutGradients = new ArrayList<>();
                for (NDArray array : differentiated) layoutGradients.add(array.getGradient().flatten().toFloatArray());
                gradients.add(layoutGradients);
            }
        }
        for (int i = 0; i < gradients.get(0).size(); i++) {
            assertNull(difference(gradients.get(0).get(i), gradients.get(1).get(i), INFERENCE_TOLERANCE,
                    i == 0 ? "input gradient" : "gradient of parameter " + i));
        }
    }

    private static float lossAndGradients(GraphBlock block, Batch batch, NDManager manager) {
        CrossEntropy crossEntropy = new CrossEntropy(ModelFixtures.CLASSES, null, 0);
        try (GradientCollector collector = Engine.getEngine(EngineSetup.ENGINE_NAME).newGradientCollector()) {
            NDList out = block.forward(new ParameterStore(manager, false), new NDList(images(manager, batch)), true);
            NDArray loss = crossEntropy.loss(out.get(0), batch.labels());
            collector.backward(loss);
            return loss.getFloat();
        }
    }

    private static ModelGraph graph(String name, boolean smallStem) {
        ModelGraph graph = smallStem
                ? Architectures.build(name, 1, 48, ModelFixtures.CLASSES, 1.0, Stem.SMALL)
                : Architectures.build(name, 1, 48, ModelFixtures.CLASSES, 1.0);
        // dropout masks come from the generator, which the two layouts' runs would draw differently
        return withIdentities(graph, op -> op instanceof Op.Dropout);
    }

    /** {@code graph} with every ReLU and ReLU6 an identity. */
    private static ModelGraph withoutActivations(ModelGraph graph) {
        return withIdentities(graph, op -> op instanceof Op.Relu6 || op instanceof Op.Relu);
    }

    /** {@code graph} with every node whose op is {@code replaced} an identity (a dropout of probability 0). */
    private static ModelGraph withIdentities(ModelGraph graph, Predicate<Op> replaced) {
        return new ModelGraph(graph.architecture(), graph.nodes().stream()
                .map(n -> replaced.test(n.op()) ? new Node(n.name(), new Op.Dropout(0), n.inputs()) : n)
                .toList(), graph.output(), graph.features());
    }

    private static GraphBlock initialised(ModelGraph graph, boolean channelsLast, NamedTensors weights,
                                          NDManager manager) {
        GraphBlock block = new GraphBlock(graph, channelsLast);
        try (GradMode ignored = GradMode.off()) {
            block.initialize(manager, weights);
        }
        return block;
    }

    private static Map<String, NDArray> nodes(ModelGraph graph, boolean channelsLast, NamedTensors weights,
                                              Batch batch, NDManager manager, boolean training) {
        GraphBlock block = initialised(graph, channelsLast, weights, manager);
        return block.evaluateNodes(new ParameterStore(manager, false), images(manager, batch), training);
    }

    private static NDArray images(NDManager manager, Batch batch) {
        return manager.create(batch.images(), new Shape(batch.size(), batch.channels(), batch.height(),
                batch.width()));
    }

    private static NDArray gaussian(NDManager manager, Random random, Shape shape, float scale) {
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) values[i] = (float) random.nextGaussian() * scale;
        return manager.create(values, shape);
    }

    /** Largest difference within {@code tolerance} of the largest magnitude of {@code expected}. */
    private static void assertClose(NDArray expected, NDArray actual, double tolerance, String what) {
        String failure = difference(expected, actual, tolerance, what);
        assertTrue(failure == null, failure);
    }

    /** Null where the largest difference is within {@code tolerance} of the largest magnitude, else why not. */
    private static String difference(NDArray expected, NDArray actual, double tolerance, String what) {
        // flatten copies in logical order whatever the strides, so both read as NCHW
        return difference(expected.flatten().toFloatArray(), actual.flatten().toFloatArray(), tolerance, what);
    }

    private static String difference(float[] p, float[] q, double tolerance, String what) {
        return difference(p, q, tolerance, 0, what);
    }

    /** As above, with the largest magnitude taken as at least {@code floor}. */
    private static String difference(float[] p, float[] q, double tolerance, double floor, String what) {
        if (p.length != q.length) return what + ": " + p.length + " against " + q.length + " values";
        double scale = floor, difference = 0;
        for (int i = 0; i < p.length; i++) {
            scale = Math.max(scale, Math.abs(p[i]));
            difference = Math.max(difference, Math.abs(p[i] - q[i]));
        }
        if (difference <= tolerance * scale) return null;
        return String.format(Locale.ROOT,
                "%s: largest difference %.3g is %.3g of the largest magnitude %.3g (limit %.0e)",
                what, difference, difference / scale, scale, tolerance);
    }
}
