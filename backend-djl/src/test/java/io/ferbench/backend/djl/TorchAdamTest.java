package io.ferbench.backend.djl;

import io.ferbench.api.testing.TorchAdamReference;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.ferbench.api.backend.OptimizerSpec;
import org.junit.jupiter.api.Test;

/** The optimizer against torch.optim.Adam's update written out in double precision. */
class TorchAdamTest {

    /** Puts {@code grad} into the weight's gradient through a real backward pass: d/dw Σ(w·g) = g. */
    private static void backward(NDArray weight, float[] grad) {
        try (GradientCollector collector = Engine.getEngine(EngineSetup.ENGINE_NAME).newGradientCollector()) {
            collector.backward(weight.mul(weight.getManager().create(grad)).sum());
        }
    }

    @Test
    void matchesTorchAdamIncludingEpsilonPlacementWeightDecayAndLearningRateChanges() {
        // gradients of the order of epsilon: here PyTorch's and MXNet's epsilon placement differ by far
        OptimizerSpec spec = new OptimizerSpec("adam", 0.1, 0.9, 0.999, 1e-3, 0.01);
        double[] start = {1.0, -0.5, 0.25};
        float[][] grads = {{1e-3f, -2e-3f, 5e-4f}, {-1e-3f, 3e-3f, 1e-4f}, {2e-3f, -1e-3f, -5e-4f}, {0, 1e-3f, 1e-3f}};
        TorchAdamReference reference = new TorchAdamReference(spec, start.length);
        double[] expected = start.clone();
        double lr = spec.learningRate();
        try (NDManager manager = Fixtures.manager(); TorchAdam adam = new TorchAdam(spec)) {
            NDArray w = manager.create(new float[] {1.0f, -0.5f, 0.25f});
            w.setRequiresGradient(true);
            for (int step = 0; step < grads.length; step++) {
                if (step == 2) {
                    adam.setLearningRate(0.03);   // keeps moments and step count
                    lr = 0.03;
                }
                backward(w, grads[step]);
                try (NDArray g = w.getGradient()) {
                    adam.update("w", w, g);
                }
                double[] g = new double[3];
                for (int i = 0; i < 3; i++) g[i] = grads[step][i];
                reference.step(expected, g, lr);
                float[] actual = w.toFloatArray();
                for (int i = 0; i < 3; i++) {
                    assertEquals(expected[i], actual[i], 2e-6, "step " + (step + 1) + ", element " + i);
                }
                float[] cleared = w.getGradient().toFloatArray();
                for (float c : cleared) assertEquals(0f, c, "gradient is cleared after the update");
            }
            assertEquals(4, adam.steps("w"));
            assertEquals(0, adam.steps("never-updated"));
        }
    }

    @Test
    void firstStepMovesEachWeightByTheLearningRateWhenEpsilonIsNegligible() {
        // a classic property of Adam: at t = 1 the update is lr·g/|g| (PyTorch's placement of epsilon)
        OptimizerSpec spec = OptimizerSpec.adam(0.01);
        try (NDManager manager = Fixtures.manager(); TorchAdam adam = new TorchAdam(spec)) {
            NDArray w = manager.create(new float[] {0f, 0f});
            w.setRequiresGradient(true);
            backward(w, new float[] {1e-4f, -3f});
            try (NDArray g = w.getGradient()) {
                adam.update("w", w, g);
            }
            float[] after = w.toFloatArray();
            assertEquals(-0.01, after[0], 1e-6);
            assertEquals(0.01, after[1], 1e-6);
        }
    }

    @Test
    void rejectsOtherOptimizersAndBadHyperparameters() {
        IllegalArgumentException sgd = assertThrows(IllegalArgumentException.class,
                () -> new TorchAdam(new OptimizerSpec("sgd", 0.1, 0.9, 0.999, 1e-8, 0)));
        assertTrue(sgd.getMessage().contains("'sgd'"), sgd.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TorchAdam(new OptimizerSpec("adam", 0.1, 1.0, 0.999, 1e-8, 0)));
        assertThrows(IllegalArgumentException.class, () -> new TorchAdam(new OptimizerSpec("adam", 0.1, 0.9, 0.999, 0, 0)));
        IllegalArgumentException lr = assertThrows(IllegalArgumentException.class,
                () -> new TorchAdam(OptimizerSpec.adam(-1)));
        assertTrue(lr.getMessage().contains("-1"), lr.getMessage());
    }
}
