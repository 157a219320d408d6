package io.ferbench.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.arch.Stem;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TensorFlow against the djl backend (PyTorch), both in this JVM, from the same IR-initialised
 * weights and the same batch: evaluation logits agree to 1e-3, and the training losses of five
 * identical Adam steps (and the evaluation loss after them, which includes the running statistics)
 * to 1e-2. Dropout is set to 0 here: its masks come from each engine's own generator.
 *
 * <p>Why the five steps run at a learning rate of 1e-5: with a batch this small, MobileNetV2 and
 * ShuffleNetV2 train chaotically at 1e-3 (the loss falls from 1.9 to below 0.1 in five steps), and
 * rounding-level differences grow to several percent by the third step. PyTorch against itself shows
 * it: with the input multiplied by 1 ± 1e-6, djl's step-2 loss moved from 0.7418 to 0.7490
 * (MobileNetV2) and from 1.0782 to 1.1236 (ShuffleNetV2), as far as TensorFlow's 0.7312 and 1.1901;
 * ResNet-18 agreed to four digits in every case. At 1e-5 the loss still falls by a quarter to a third
 * in five steps and both backends stay within 0.2%. At the default 1e-3 the first update is compared.
 */
class DjlDifferentialTest {
    private static final int SIZE = 48;
    private static final int BATCH = 6;
    private static final int STEPS = 5;
    private static Backend djl;

    @BeforeAll
    static void startDjl() {
        djl = ModelFixtures.provider("djl").create(new BackendOptions("cpu", 2, Map.of()));
    }

    @AfterAll
    static void closeDjl() {
        if (djl != null) djl.close();
    }

    /** {@code graph} with every dropout probability set to 0. */
    static ModelGraph withoutDropout(ModelGraph graph) {
        List<Node> nodes = graph.nodes().stream()
                .map(n -> n.op() instanceof Op.Dropout ? new Node(n.name(), new Op.Dropout(0), n.inputs()) : n)
                .toList();
        return new ModelGraph(graph.architecture(), nodes, graph.output(), graph.features());
    }

    private static final double FIVE_STEP_RATE = 1e-5;
    private static final double DEFAULT_RATE = 1e-3;

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"})
    void evaluationAndFiveAdamStepsAgreeWithPyTorch(String name) {
        ModelGraph graph = withoutDropout(Architectures.build(name, 1, SIZE, ModelFixtures.CLASSES, 1.0));
        NamedTensors initial = WeightInitializer.initialise(graph, 42);
        Batch batch = ModelFixtures.batch(graph, BATCH, 17);
        ModelSpec spec = new ModelSpec(42, initial, OptimizerSpec.adam(FIVE_STEP_RATE), null);
        try (TrainableModel tf = Fixtures.build(graph, spec); TrainableModel torch = djl.build(graph, spec)) {
            Fixtures.assertClose(torch.predict(batch, false).logits(), tf.predict(batch, false).logits(), 1e-3,
                    name + " evaluation logits (djl expected, tensorflow actual)");
            float first = 0, last = 0;
            for (int step = 0; step < STEPS; step++) {
                float expected = torch.trainStep(batch);
                assertEquals(expected, tf.trainStep(batch), 1e-2 * Math.abs(expected), name + " training loss of step " + step);
                if (step == 0) first = expected;
                last = expected;
            }
            assertTrue(last < 0.9f * first, name + ": the steps must train for the comparison to mean something ("
                    + first + " -> " + last + ")");
            float expected = torch.evaluateLoss(batch);
            assertEquals(expected, tf.evaluateLoss(batch), 1e-2 * Math.abs(expected),
                    name + " evaluation loss after " + STEPS + " steps");
        }
    }

    /**
     * The small-input stem variant, trained as a warm-up schedule drives it (the harness sets the rate before every
     * step, rising to the five-step rate): logits and every step's loss agree with PyTorch.
     */
    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"})
    void smallStemUnderAWarmUpScheduleAgreesWithPyTorch(String name) {
        ModelGraph graph = withoutDropout(Architectures.build(name, 1, SIZE, ModelFixtures.CLASSES, 1.0, Stem.SMALL));
        ModelSpec spec = new ModelSpec(42, WeightInitializer.initialise(graph, 42), OptimizerSpec.adam(FIVE_STEP_RATE),
                null);
        Batch batch = ModelFixtures.batch(graph, BATCH, 19);
        try (TrainableModel tf = Fixtures.build(graph, spec); TrainableModel torch = djl.build(graph, spec)) {
            Fixtures.assertClose(torch.predict(batch, false).logits(), tf.predict(batch, false).logits(), 1e-3,
                    name + " (small stem) evaluation logits (djl expected, tensorflow actual)");
            for (int step = 1; step <= 3; step++) {
                double rate = FIVE_STEP_RATE * step / 3;
                torch.setLearningRate(rate);
                tf.setLearningRate(rate);
                float expected = torch.trainStep(batch);
                assertEquals(expected, tf.trainStep(batch), 1e-2 * Math.abs(expected),
                        name + " (small stem) training loss of step " + step);
            }
        }
    }

    /** Label smoothing, alone and with class weights: every step's loss on ResNet-18 agrees with PyTorch. */
    @org.junit.jupiter.api.Test
    void labelSmoothingAgreesWithPyTorch() {
        ModelGraph graph = Architectures.build("resnet18", 1, SIZE, ModelFixtures.CLASSES, 1.0);
        float[] classWeights = {0.5f, 2f, 1f, 1.5f, 0.25f, 1f, 3f};
        for (float[] weights : new float[][] {null, classWeights}) {
            // epsilon 1e-6 as in the weighted-loss test: Adam's near-sign first steps on rounding-level gradients
            // otherwise make the third step's loss differ by about 1.4 % between engines
            ModelSpec spec = new ModelSpec(8, WeightInitializer.initialise(graph, 8),
                    new OptimizerSpec("adam", 1e-3, 0.9, 0.99, 1e-6, 0), weights, 0.2);
            Batch batch = ModelFixtures.batch(graph, BATCH, 9);
            try (TrainableModel tf = Fixtures.build(graph, spec); TrainableModel torch = djl.build(graph, spec)) {
                for (int step = 1; step <= 3; step++) {
                    float expected = torch.trainStep(batch);
                    assertEquals(expected, tf.trainStep(batch), 1e-2 * Math.abs(expected),
                            "label-smoothed step " + step + " loss (weights " + (weights != null) + ")");
                }
            }
        }
    }

    /**
     * Relative tolerance of the loss of {@code step} (from 0) at 1e-3. Adam's first update moves every weight by about
     * ±lr whatever its gradient's size, so gradients at rounding level flip sign between engines; on the light
     * networks the loss after that one update then differs by more than 1e-2 on some CPUs (MobileNetV2: 1.5188 djl,
     * 1.5418 tensorflow, 1.5 %, on an Intel Xeon with AVX-512 on 2026-12-05). ResNet-18 stays within 1e-2.
     */
    private static double tolerance(String name, int step) {
        return step == 0 || name.equals("resnet18") ? 1e-2 : 3e-2;
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"})
    void firstStepAtTheDefaultLearningRateAgreesWithPyTorch(String name) {
        ModelGraph graph = withoutDropout(Architectures.build(name, 1, SIZE, ModelFixtures.CLASSES, 1.0));
        ModelSpec spec = new ModelSpec(42, WeightInitializer.initialise(graph, 42), OptimizerSpec.adam(DEFAULT_RATE), null);
        Batch batch = ModelFixtures.batch(graph, BATCH, 17);
        try (TrainableModel tf = Fixtures.build(graph, spec); TrainableModel torch = djl.build(graph, spec)) {
            for (int step = 0; step < 2; step++) {
                float expected = torch.trainStep(batch);
                assertEquals(expected, tf.trainStep(batch), tolerance(name, step) * Math.abs(expected),
                        name + " training loss of step " + step);
            }
        }
    }
}
