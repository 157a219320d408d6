package io.ferbench.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.backend.Prediction;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.ModelStats;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.Parameters;
import io.ferbench.api.ir.Shapes;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.testing.ModelFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The TrainableModel contract on the three study architectures and the tiny graph. */
class TrainableModelTest {
    private static final int SIZE = 48;

    private static ModelGraph architecture(String name) {
        return Architectures.build(name, 1, SIZE, ModelFixtures.CLASSES, 1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"})
    void parametersMatchTheIrAndAFixedBatchIsOverfitted(String name) {
        ModelGraph graph = architecture(name);
        Batch batch = ModelFixtures.batch(graph, 8, 4);
        try (TfTrainableModel model = Fixtures.build(graph, ModelFixtures.spec(graph, 1, 1e-3))) {
            assertEquals(ModelStats.of(graph).parameters(), model.trainableValues(), "trainable values in TF variables");
            NamedTensors exported = model.exportWeights();
            List<ParameterDef> defs = Parameters.of(graph);
            assertEquals(defs.stream().map(ParameterDef::key).toList(), List.copyOf(exported.keys()));
            for (ParameterDef def : defs) assertArrayEquals(def.shape(), exported.get(def.key()).shape(), def.key());

            Prediction p = model.predict(batch, true);
            assertEquals(ModelFixtures.CLASSES, p.logits()[0].length);
            assertEquals(Shapes.infer(graph).get(graph.features())[0], p.features()[0].length);

            float first = model.trainStep(batch);
            float last = first;
            for (int i = 0; i < 14; i++) last = model.trainStep(batch);
            assertTrue(last <= 0.1f * first, name + ": loss fell from " + first + " to " + last + ", less than 90%");
        }
    }

    @Test
    void exportedWeightsAreCopiesNotViews() {
        ModelGraph graph = Fixtures.tinyGraph(0.0);
        Batch batch = ModelFixtures.batch(graph, 4, 2);
        try (TfTrainableModel model = Fixtures.build(graph, ModelFixtures.spec(graph, 1, 1e-2))) {
            NamedTensors before = model.exportWeights();
            float kept = before.get("conv1.weight").data()[0];
            model.trainStep(batch);
            assertEquals(kept, before.get("conv1.weight").data()[0], 0f, "a step must not change exported arrays");
        }
    }

    @Test
    void savedModelRestoresPredictionsAndTrainingState(@TempDir Path dir) {
        ModelGraph graph = Fixtures.tinyGraph(0.0);
        Batch batch = ModelFixtures.batch(graph, 3, 2);
        try (TfTrainableModel model = Fixtures.build(graph, ModelFixtures.spec(graph, 1, 1e-2))) {
            model.trainStep(batch);
            Path saved = model.saveNative(dir);
            assertTrue(Files.isRegularFile(saved.resolve("saved_model.pb")), "saved_model.pb in " + saved);
            assertTrue(Files.isRegularFile(saved.resolve("variables/variables.index")), "variables in " + saved);
            Prediction expected = model.predict(batch, true);
            float nextLoss;
            float restoredEvaluation;

            try (SavedModelBundle bundle = SavedModelBundle.load(saved.toString(), "serve");
                 TFloat32 images = Tensors.floats(Shape.of(3, 1, 12, 12), batch.images());
                 TInt32 labels = Tensors.ints(batch.labels())) {
                try (Result r = bundle.function(TfTrainableModel.SERVING_SIGNATURE).call(Map.of("images", images))) {
                    float[][] logits = Tensors.rows(r.get("logits").orElseThrow());
                    for (int i = 0; i < 3; i++) assertArrayEquals(expected.logits()[i], logits[i], 0f, "restored logits " + i);
                }
                // the optimizer state travels too: the restored graph's next step equals the model's
                try (Result r = bundle.function(TfTrainableModel.TRAIN_SIGNATURE)
                        .call(Map.<String, Tensor>of("images", images, "labels", labels))) {
                    nextLoss = Tensors.scalar(r.get("loss").orElseThrow());
                }
                try (Result r = bundle.function(TfTrainableModel.LOSS_SIGNATURE)
                        .call(Map.<String, Tensor>of("images", images, "labels", labels))) {
                    restoredEvaluation = Tensors.scalar(r.get("loss").orElseThrow());
                }
            }
            assertEquals(model.trainStep(batch), nextLoss, 1e-6f, "the restored graph's training step");
            assertEquals(model.evaluateLoss(batch), restoredEvaluation, 1e-5f, "evaluation after that step");
        }
    }

    @Test
    void badBatchesAndSettingsAreRejectedWithTheReason() {
        ModelGraph graph = Fixtures.tinyGraph(0.0);
        TfTrainableModel model = Fixtures.build(graph, ModelFixtures.spec(graph, 1, 1e-3));
        try (model) {
            Batch badLabel = new Batch(new float[144], new int[] {7}, 1, 1, 12, 12);
            IllegalArgumentException label = assertThrows(IllegalArgumentException.class, () -> model.trainStep(badLabel));
            assertTrue(label.getMessage().contains("label 7"), label.getMessage());
            Batch badShape = new Batch(new float[100], new int[] {0}, 1, 1, 10, 10);
            IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> model.predict(badShape, false));
            assertTrue(shape.getMessage().contains("1x10x10") && shape.getMessage().contains("1x12x12"), shape.getMessage());
            Batch noLabels = new Batch(new float[144], null, 1, 1, 12, 12);
            assertThrows(IllegalArgumentException.class, () -> model.evaluateLoss(noLabels));
            assertThrows(IllegalArgumentException.class, () -> model.setLearningRate(0));
        }
        assertThrows(IllegalStateException.class, () -> model.predict(ModelFixtures.batch(graph, 1, 1), false));

        ModelSpec sgd = new ModelSpec(1, null, new OptimizerSpec("sgd", 0.1, 0, 0, 0, 0), null);
        IllegalArgumentException optimizer = assertThrows(IllegalArgumentException.class, () -> Fixtures.build(graph, sgd));
        assertTrue(optimizer.getMessage().contains("'sgd'"), optimizer.getMessage());
        ModelSpec weights = new ModelSpec(1, null, OptimizerSpec.adam(1e-3), new float[] {1, 2});
        IllegalArgumentException classWeights = assertThrows(IllegalArgumentException.class, () -> Fixtures.build(graph, weights));
        assertTrue(classWeights.getMessage().contains("7 classes"), classWeights.getMessage());
    }
}
