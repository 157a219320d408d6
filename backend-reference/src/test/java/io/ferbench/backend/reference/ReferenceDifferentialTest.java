package io.ferbench.backend.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Node;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.testing.ModelFixtures;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The djl backend (PyTorch) against the reference, both in this JVM, from the same IR-initialised weights and the
 * same batch. Dropout is 0 wherever training is compared: its masks come from each backend's own generator.
 *
 * <p>Tolerances, and why (measured on an Intel Xeon, 2026-12-06, in brackets). On the tiny graph with every op:
 * logits 1e-4 of their largest value [6e-8 absolute], each step's loss 1e-4 relative, and every weight and running
 * statistic after {@value #STEPS} Adam steps at 1e-2 within 1e-4 [7e-7]. That bound is far below 2·lr, the mark of
 * a wrong gradient: Adam's first updates move every weight by about ±lr whatever the gradient's size. On the real
 * architectures some gradients are 0 in exact arithmetic (a batch norm's shift before a training-mode batch norm,
 * whose input gradient sums to 0 per channel), so each engine's rounding picks their sign and those weights end
 * 2·lr apart [2e-3 at lr 1e-3]; there the losses are compared to 1e-4 relative and the features and logits after
 * one step to 1e-2 of their largest value [3.5e-3].
 */
class ReferenceDifferentialTest {
    private static final int STEPS = 5;
    private static final double RATE = 1e-2;
    private static final double WEIGHT_TOLERANCE = 1e-4;
    private static Backend djl;
    private static Backend reference;

    @BeforeAll
    static void start() {
        djl = ModelFixtures.provider("djl").create(new BackendOptions("cpu", 2, Map.of()));
        reference = ModelFixtures.provider("reference").create(BackendOptions.cpu());
    }

    @AfterAll
    static void close() {
        if (djl != null) djl.close();
        if (reference != null) reference.close();
    }

    @Test
    void everyOpAgreesWithPyTorchInEvaluationAndOverFiveAdamSteps() {
        ModelGraph graph = ModelFixtures.tinyGraph(0.0);
        compareTraining(graph, new ModelSpec(3, WeightInitializer.initialise(graph, 3), OptimizerSpec.adam(RATE),
                null), ModelFixtures.batch(graph, 8, 21), 1e-4);
    }

    @Test
    void classWeightsLabelSmoothingWeightDecayAndALearningRateScheduleAgreeWithPyTorch() {
        ModelGraph graph = ModelFixtures.tinyGraph(0.0);
        float[] classWeights = {0.5f, 2f, 1f, 1.5f, 0.25f, 1f, 3f};
        ModelSpec spec = new ModelSpec(4, WeightInitializer.initialise(graph, 4),
                new OptimizerSpec("adam", RATE, 0.8, 0.99, 1e-6, 1e-2), classWeights, 0.2);
        Batch batch = ModelFixtures.batch(graph, 8, 22);
        try (TrainableModel torch = djl.build(graph, spec); TrainableModel java = reference.build(graph, spec)) {
            for (int step = 1; step <= STEPS; step++) {
                torch.setLearningRate(RATE * step / STEPS);
                java.setLearningRate(RATE * step / STEPS);
                float expected = torch.trainStep(batch);
                assertEquals(expected, java.trainStep(batch), 1e-4 * Math.abs(expected), "loss of step " + step);
            }
            assertWeightsClose(torch.exportWeights(), java.exportWeights(), WEIGHT_TOLERANCE);
        }
    }

    @Test
    void frozenNodesStayFrozenAndTheRestTrainsAsInPyTorch() {
        ModelGraph graph = ModelFixtures.tinyGraph(0.0);
        ModelSpec spec = new ModelSpec(5, WeightInitializer.initialise(graph, 5), OptimizerSpec.adam(RATE), null);
        Batch batch = ModelFixtures.batch(graph, 8, 23);
        try (TrainableModel torch = djl.build(graph, spec); TrainableModel java = reference.build(graph, spec)) {
            for (TrainableModel model : List.of(torch, java)) {
                model.trainStep(batch);  // running statistics move away from 0 / 1 first
                model.freeze(List.of("conv1", "bn1", "dw", "bn2"));
            }
            for (int step = 0; step < STEPS; step++) {
                float expected = torch.trainStep(batch);
                assertEquals(expected, java.trainStep(batch), 1e-4 * Math.abs(expected), "loss of step " + step);
            }
            assertWeightsClose(torch.exportWeights(), java.exportWeights(), WEIGHT_TOLERANCE);
        }
    }

    /**
     * The three architectures at 48 px: one training step (batch statistics, every op's backward pass, Adam), then
     * the evaluation pass, features included. The evaluation comes after the step because, at initialisation, the
     * running statistics (0 and 1) shrink MobileNetV2's and ShuffleNetV2's features to nearly 0, which would make
     * any two backends agree.
     */
    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"})
    void theArchitecturesAgreeWithPyTorchOverAStepAndInEvaluation(String name) {
        ModelGraph graph = withoutDropout(Architectures.build(name, 1, 48, ModelFixtures.CLASSES, 1.0));
        ModelSpec spec = new ModelSpec(6, WeightInitializer.initialise(graph, 6), OptimizerSpec.adam(1e-3), null);
        Batch batch = ModelFixtures.batch(graph, 4, 24);
        try (TrainableModel torch = djl.build(graph, spec); TrainableModel java = reference.build(graph, spec)) {
            float expected = torch.trainStep(batch);
            assertEquals(expected, java.trainStep(batch), 1e-4 * Math.abs(expected), name + " training loss");
            float[][] features = torch.predict(batch, true).features();
            assertTrue(largestMagnitude(features) > 1e-2, name + ": the features must not vanish for the comparison"
                    + " to mean something");
            assertRowsClose(features, java.predict(batch, true).features(), 1e-2, name + " features");
            assertRowsClose(torch.predict(batch, false).logits(), java.predict(batch, false).logits(), 1e-2,
                    name + " logits");
            float evaluation = torch.evaluateLoss(batch);
            assertEquals(evaluation, java.evaluateLoss(batch), 1e-4 * Math.abs(evaluation), name + " evaluation loss");
        }
    }

    /** {@code graph} with every dropout probability set to 0. */
    private static ModelGraph withoutDropout(ModelGraph graph) {
        List<Node> nodes = graph.nodes().stream()
                .map(n -> n.op() instanceof Op.Dropout ? new Node(n.name(), new Op.Dropout(0), n.inputs()) : n)
                .toList();
        return new ModelGraph(graph.architecture(), nodes, graph.output(), graph.features());
    }

    private static void compareTraining(ModelGraph graph, ModelSpec spec, Batch batch, double logitTolerance) {
        try (TrainableModel torch = djl.build(graph, spec); TrainableModel java = reference.build(graph, spec)) {
            assertRowsClose(torch.predict(batch, false).logits(), java.predict(batch, false).logits(), logitTolerance,
                    "evaluation logits before training");
            float first = 0;
            float last = 0;
            for (int step = 0; step < STEPS; step++) {
                float expected = torch.trainStep(batch);
                assertEquals(expected, java.trainStep(batch), 1e-4 * Math.abs(expected), "loss of step " + step);
                if (step == 0) first = expected;
                last = expected;
            }
            assertTrue(last < 0.95f * first, "the steps must train for the comparison to mean something (" + first
                    + " -> " + last + ")");
            assertWeightsClose(torch.exportWeights(), java.exportWeights(), WEIGHT_TOLERANCE);
            float expected = torch.evaluateLoss(batch);
            assertEquals(expected, java.evaluateLoss(batch), 1e-4 * Math.abs(expected),
                    "evaluation loss after " + STEPS + " steps");
        }
    }

    /** Every parameter and running statistic within {@code tolerance}; reports the largest difference. */
    private static void assertWeightsClose(NamedTensors expected, NamedTensors actual, double tolerance) {
        assertEquals(expected.keys(), actual.keys());
        double worst = 0;
        String worstKey = null;
        for (String key : expected.keys()) {
            float[] e = expected.get(key).data();
            float[] a = actual.get(key).data();
            for (int j = 0; j < e.length; j++) {
                double d = Math.abs(e[j] - a[j]);
                if (d > worst) {
                    worst = d;
                    worstKey = key + "[" + j + "]";
                }
            }
        }
        assertTrue(worst <= tolerance, "largest weight difference " + worst + " at " + worstKey + " exceeds "
                + tolerance);
    }

    /** Every value within {@code tolerance} of the largest absolute value in {@code expected}. */
    private static void assertRowsClose(float[][] expected, float[][] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + " rows");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what + " width");
            for (int j = 0; j < expected[i].length; j++) {
                worst = Math.max(worst, Math.abs(expected[i][j] - actual[i][j]));
            }
        }
        double scale = largestMagnitude(expected);
        assertTrue(worst <= tolerance * scale, what + ": largest difference " + worst + " exceeds " + tolerance
                + " of the largest value, " + scale);
    }

    private static double largestMagnitude(float[][] rows) {
        return Arrays.stream(rows).flatMapToDouble(r -> IntStream.range(0, r.length).mapToDouble(j -> Math.abs(r[j])))
                .max().orElse(0);
    }
}
