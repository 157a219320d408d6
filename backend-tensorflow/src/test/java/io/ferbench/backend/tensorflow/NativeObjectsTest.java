package io.ferbench.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.testing.ModelFixtures;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

/**
 * Every tensor, result and session-run buffer a step creates is closed by the step: JavaCPP counts the native
 * objects still waiting to be freed, and that count must not grow with the number of steps. A forgotten
 * {@code close()} leaves one object per step until a garbage collection happens to free it, which is how native
 * memory creeps over epochs.
 */
class NativeObjectsTest {
    private static final int STEPS = 20;

    @Test
    void stepsEvaluationAndWeightTransfersLeaveNoNativeObjectsBehind() {
        ModelGraph graph = Fixtures.tinyGraph(0.2);
        Batch batch = ModelFixtures.batch(graph, 4, 1);
        try (TfTrainableModel model = Fixtures.build(graph, ModelFixtures.spec(graph, 1, 1e-3))) {
            cycle(model, batch);  // first runs may create what the session keeps for good
            long live = Pointer.totalCount();
            for (int i = 0; i < STEPS; i++) cycle(model, batch);
            assertEquals(live, Pointer.totalCount(), "native objects left open by " + STEPS + " steps");
        }
    }

    private static void cycle(TfTrainableModel model, Batch batch) {
        model.trainStep(batch);
        model.evaluateLoss(batch);
        model.predict(batch, true);
        model.importWeights(model.exportWeights(), true);
        model.setLearningRate(1e-3);
    }
}
