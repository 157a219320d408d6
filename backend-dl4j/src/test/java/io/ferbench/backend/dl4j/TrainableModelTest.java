package io.ferbench.backend.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.testing.ModelFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Training, evaluation, weight exchange and the native file of a compiled model. */
class TrainableModelTest {

    @Test
    void overfitsAFixedBatchOfResNet18() {
        ModelGraph graph = Architectures.build("resnet18", 1, 32, ModelFixtures.CLASSES, 1.0);
        Batch batch = ModelFixtures.batch(graph, 8, 2);
        try (TrainableModel model = Fixtures.build(graph, 4, 1e-3)) {
            float first = model.trainStep(batch);
            float last = first;
            for (int i = 0; i < 9; i++) last = model.trainStep(batch);
            assertTrue(last <= 0.1f * first, "loss " + first + " -> " + last + " after 10 steps");
            assertTrue(model.evaluateLoss(batch) < first, "evaluation loss falls too");
        }
    }

    /** The tiny graph has only 8 pooled features, too few to memorise 14 noise images; halving is its bar. */
    @Test
    void trainsThroughEveryOpIncludingDropout() {
        ModelGraph graph = ModelFixtures.tinyGraph(0.1);
        Batch batch = ModelFixtures.batch(graph, 14, 3);
        try (TrainableModel model = Fixtures.build(graph, 5, 1e-2)) {
            float first = model.trainStep(batch);
            float last = first;
            for (int i = 0; i < 79; i++) last = model.trainStep(batch);
            assertTrue(last <= 0.5f * first, "loss " + first + " -> " + last + " after 80 steps");
        }
    }

    @Test
    void evaluationLossIsPyTorchsWeightedMeanOfTheLogits() {
        ModelGraph graph = ModelFixtures.tinyGraph(0);
        Batch batch = ModelFixtures.batch(graph, 10, 6);
        float[] classWeights = {0.5f, 1, 2, 1, 3, 1, 0.25f};
        ModelSpec weighted = new ModelSpec(7, WeightInitializer.initialise(graph, 7), OptimizerSpec.adam(1e-3),
                classWeights);
        try (TrainableModel plain = Fixtures.build(graph, 7, 1e-3);
             TrainableModel model = Fixtures.backend().build(graph, weighted)) {
            float[][] logits = model.predict(batch, false).logits();
            double sum = 0;
            double plainSum = 0;
            double weightSum = 0;
            for (int i = 0; i < logits.length; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (float z : logits[i]) max = Math.max(max, z);
                double lse = 0;
                for (float z : logits[i]) lse += Math.exp(z - max);
                double nll = -(logits[i][batch.labels()[i]] - max - Math.log(lse));
                double w = classWeights[batch.labels()[i]];
                sum += w * nll;
                weightSum += w;
                plainSum += nll;
            }
            assertEquals(sum / weightSum, model.evaluateLoss(batch), 1e-5);
            assertEquals(plainSum / logits.length, plain.evaluateLoss(batch), 1e-5);
            // the training step reports the same (training-mode) weighted mean as DL4J's score
            assertTrue(Float.isFinite(model.trainStep(batch)));
        }
    }

    @Test
    void nativeModelFileRestoresWithIdenticalLogits(@TempDir Path dir) throws Exception {
        ModelGraph graph = Architectures.build("shufflenet_v2_x1_0", 1, 32, ModelFixtures.CLASSES, 1.0);
        Batch batch = ModelFixtures.batch(graph, 4, 9);
        try (Dl4jTrainableModel model = Fixtures.build(graph, 3, 1e-3)) {
            model.trainStep(batch);
            Path file = model.saveNative(dir);
            assertTrue(Files.size(file) > 0);
            assertEquals(file, model.saveNative(dir), "saving again replaces the file");
            ComputationGraph restored = Nd4jRuntime.withLayerHelpers(true, () -> load(file));
            INDArray input = Nd4j.create(batch.images(), new long[] {4, 1, 32, 32}, 'c');
            float[][] logits = restored.output(false, input)[0].toFloatMatrix();
            assertArrayEquals(model.predict(batch, false).logits(), logits);
            restored.close();
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
    void badBatchesAreRejectedWithTheReason() {
        final ModelGraph graph = ModelFixtures.tinyGraph(0);
        try (TrainableModel model = Fixtures.build(graph, 1, 1e-3)) {
            Batch wrongLabel = new Batch(new float[144], new int[] {ModelFixtures.CLASSES}, 1, 1, 12, 12);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> model.trainStep(wrongLabel))
                    .getMessage().contains("label 7"));
            Batch wrongSize = new Batch(new float[100], new int[] {0}, 1, 1, 10, 10);
            assertTrue(assertThrows(IllegalArgumentException.class, () -> model.predict(wrongSize, false))
                    .getMessage().contains("1x12x12"));
            assertThrows(IllegalArgumentException.class, () -> model.setLearningRate(0));
        }
        assertThrows(IllegalStateException.class, () -> {
            TrainableModel closed = Fixtures.build(graph, 1, 1e-3);
            closed.close();
            closed.predict(ModelFixtures.batch(graph, 1, 1), false);
        });
    }
}
