package io.ferbench.backend.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.backend.Prediction;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.GraphBuilder;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.testing.ModelFixtures;
import org.junit.jupiter.api.Test;

/** Behaviour of one compiled model: step semantics, evaluation mode, seeding, input checks. */
class TrainableModelTest {

    /** No batch norm and no dropout: training and evaluation forward passes compute the same thing. */
    private static ModelGraph plainGraph() {
        GraphBuilder b = new GraphBuilder("input", 1, 8, 8);
        b.then("conv", new Op.Conv2d(4, 3, 2, 1, 1, true)).then("relu", new Op.Relu())
                .then("gap", new Op.GlobalAvgPool()).then("flatten", new Op.Flatten())
                .then("fc", new Op.Dense(3, true));
        return b.build("plain", "fc", "flatten");
    }

    @Test
    void trainStepReturnsTheLossBeforeItsUpdate() {
        ModelGraph graph = plainGraph();
        Batch batch = ModelFixtures.batch(graph, 6, 3, 1);
        try (TrainableModel model = Fixtures.backend().build(graph, ModelFixtures.spec(graph, 1, 1e-2))) {
            for (int i = 0; i < 3; i++) {
                float before = model.evaluateLoss(batch);
                assertEquals(before, model.trainStep(batch), 1e-6f, "step " + i);
                assertTrue(model.evaluateLoss(batch) < before, "the step lowered the loss");
            }
        }
    }

    @Test
    void classWeightsWeightTheTrainingAndEvaluationLoss() {
        ModelGraph graph = plainGraph();
        Batch batch = ModelFixtures.batch(graph, 6, 3, 2);
        NamedTensors start = WeightInitializer.initialise(graph, 3);
        float[] weights = {0.5f, 1f, 4f};
        try (TrainableModel plain = Fixtures.backend().build(graph, new ModelSpec(3, start, OptimizerSpec.adam(1e-2), null));
             TrainableModel weighted = Fixtures.backend().build(graph,
                     new ModelSpec(3, start, OptimizerSpec.adam(1e-2), weights))) {
            // per-sample losses from the logits, then torch's weighted mean by hand
            float[][] logits = plain.predict(batch, false).logits();
            double sum = 0, weightSum = 0;
            for (int i = 0; i < batch.size(); i++) {
                double lse = 0;
                for (float v : logits[i]) lse += Math.exp(v);
                double nll = Math.log(lse) - logits[i][batch.labels()[i]];
                sum += weights[batch.labels()[i]] * nll;
                weightSum += weights[batch.labels()[i]];
            }
            assertEquals(sum / weightSum, weighted.evaluateLoss(batch), 1e-5);
            assertEquals(sum / weightSum, weighted.trainStep(batch), 1e-5);
            assertNotEquals(plain.evaluateLoss(batch), weighted.evaluateLoss(batch));
        }
    }

    @Test
    void evaluationIsDeterministicAndFeaturesAreOptional() {
        ModelGraph graph = ModelFixtures.tinyGraph(0.5);
        Batch batch = ModelFixtures.batch(graph, 5, ModelFixtures.CLASSES, 3);
        try (TrainableModel model = Fixtures.backend().build(graph, ModelFixtures.spec(graph, 2, 1e-3))) {
            model.trainStep(batch);
            Prediction first = model.predict(batch, true);
            Prediction second = model.predict(batch, false);
            assertNull(second.features());
            assertEquals(5, first.features().length);
            assertEquals(8, first.features()[0].length, "flatten node: 8 channels after global pooling");
            for (int i = 0; i < 5; i++) assertArrayEquals(first.logits()[i], second.logits()[i], "dropout is off");
            assertEquals(model.evaluateLoss(batch), model.evaluateLoss(batch));
        }
    }

    @Test
    void theSeedMakesTrainingWithDropoutRepeatable() {
        ModelGraph graph = ModelFixtures.tinyGraph(0.5);
        Batch batch = ModelFixtures.batch(graph, 8, ModelFixtures.CLASSES, 4);
        float[] first = new float[4];
        float[] second = new float[4];
        for (float[] losses : new float[][] {first, second}) {
            try (TrainableModel model = Fixtures.backend().build(graph, ModelFixtures.spec(graph, 17, 1e-2))) {
                for (int i = 0; i < losses.length; i++) losses[i] = model.trainStep(batch);
            }
        }
        assertArrayEquals(first, second);
    }

    @Test
    void badBatchesAreRejectedWithTheReason() {
        ModelGraph graph = plainGraph();
        try (TrainableModel model = Fixtures.backend().build(graph, ModelFixtures.spec(graph, 1, 1e-3))) {
            Batch wrongSize = new Batch(new float[2 * 9 * 9], new int[] {0, 1}, 2, 1, 9, 9);
            IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> model.predict(wrongSize, false));
            assertTrue(size.getMessage().contains("1x9x9") && size.getMessage().contains("1x8x8"), size.getMessage());
            Batch badLabel = new Batch(new float[64], new int[] {5}, 1, 1, 8, 8);
            IllegalArgumentException label = assertThrows(IllegalArgumentException.class, () -> model.trainStep(badLabel));
            assertTrue(label.getMessage().contains("label 5"), label.getMessage());
            Batch unlabelled = new Batch(new float[64], null, 1, 1, 8, 8);
            assertThrows(IllegalArgumentException.class, () -> model.evaluateLoss(unlabelled));
            assertEquals(1, model.predict(unlabelled, false).logits().length, "prediction needs no labels");
        }
    }

    @Test
    void nativeArraysDoNotAccumulateAcrossSteps() {
        ModelGraph graph = ModelFixtures.tinyGraph(0.2);
        Batch batch = ModelFixtures.batch(graph, 8, ModelFixtures.CLASSES, 5);
        try (DjlTrainableModel model = (DjlTrainableModel) Fixtures.backend().build(graph,
                ModelFixtures.spec(graph, 1, 1e-3))) {
            model.trainStep(batch);   // creates the optimizer's moment arrays once
            int arrays = model.djlModel().getNDManager().getManagedArrays().size();
            for (int i = 0; i < 5; i++) {
                model.trainStep(batch);
                model.evaluateLoss(batch);
                model.predict(batch, true);
                model.importWeights(model.exportWeights(), true);
            }
            assertEquals(arrays, model.djlModel().getNDManager().getManagedArrays().size());
        }
    }

    @Test
    void aClosedModelSaysSo() {
        ModelGraph graph = plainGraph();
        TrainableModel model = Fixtures.backend().build(graph, ModelFixtures.spec(graph, 1, 1e-3));
        model.close();
        model.close();  // idempotent
        IllegalStateException e = assertThrows(IllegalStateException.class, model::exportWeights);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }
}
