package io.ferbench.backend.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.Prediction;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.GraphBuilder;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.Shapes;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.testing.ModelFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the reference backend promises beyond the conformance kit: its options, determinism and its messages. */
class ReferenceBackendTest {
    private static Backend backend(int threads) {
        return new ReferenceBackendProvider().create(new BackendOptions("cpu", threads, Map.of()));
    }

    @Test
    void runsOnTheCpuOnlyAndTakesNoSettings() {
        IllegalArgumentException gpu = assertThrows(IllegalArgumentException.class,
                () -> new ReferenceBackendProvider().create(new BackendOptions("gpu", 0, Map.of())));
        assertTrue(gpu.getMessage().contains("cpu only") && gpu.getMessage().contains("'gpu'"), gpu.getMessage());
        IllegalArgumentException setting = assertThrows(IllegalArgumentException.class,
                () -> new ReferenceBackendProvider().create(new BackendOptions("auto", 0, Map.of("threads", "2"))));
        assertTrue(setting.getMessage().contains("threads"), setting.getMessage());
        try (Backend backend = backend(2)) {
            assertEquals("reference", backend.info().id());
            assertEquals("cpu", backend.info().device());
            assertEquals("2", backend.info().configuration().get("threads"));
        }
    }

    @Test
    void trainingIsBitIdenticalWhateverTheThreadCountDropoutIncluded() {
        ModelGraph graph = ModelFixtures.tinyGraph(0.3);
        Batch batch = ModelFixtures.batch(graph, 8, 31);
        NamedTensors one = trainedWeights(graph, batch, 1);
        NamedTensors three = trainedWeights(graph, batch, 3);
        for (String key : one.keys()) assertArrayEquals(one.get(key).data(), three.get(key).data(), key);
    }

    private static NamedTensors trainedWeights(ModelGraph graph, Batch batch, int threads) {
        try (Backend backend = backend(threads);
             TrainableModel model = backend.build(graph, ModelFixtures.spec(graph, 9, 1e-2))) {
            for (int i = 0; i < 3; i++) model.trainStep(batch);
            return model.exportWeights();
        }
    }

    @Test
    void predictionReturnsTheFeaturesNodeAndEvaluationIgnoresDropout() {
        ModelGraph graph = ModelFixtures.tinyGraph(0.5);
        Batch batch = ModelFixtures.batch(graph, 5, 32);
        try (Backend backend = backend(0); TrainableModel model = backend.build(graph, ModelFixtures.spec(graph, 2,
                1e-3))) {
            Prediction first = model.predict(batch, true);
            assertEquals(5, first.features().length);
            assertEquals(Shapes.infer(graph).get(graph.features())[0], first.features()[0].length);
            assertEquals(ModelFixtures.CLASSES, first.logits()[0].length);
            Prediction again = model.predict(batch, false);
            for (int i = 0; i < 5; i++) assertArrayEquals(first.logits()[i], again.logits()[i], "row " + i);
            assertEquals(null, again.features());
        }
    }

    @Test
    void aBatchNormWithOneValuePerChannelInTrainingIsRefusedNamingTheNode() {
        GraphBuilder b = new GraphBuilder("input", 1, 4, 4);
        b.then("gap", new Op.GlobalAvgPool()).then("flatten", new Op.Flatten())
                .then("norm", new Op.BatchNorm(1e-5, 0.1)).then("fc", new Op.Dense(3, true));
        ModelGraph graph = b.build("vector-norm", "fc", "flatten");
        try (Backend backend = backend(1); TrainableModel model = backend.build(graph, ModelFixtures.spec(graph, 1,
                1e-3))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.trainStep(ModelFixtures.batch(graph, 1, 3, 33)));
            assertTrue(e.getMessage().contains("'norm'") && e.getMessage().contains("more than one value"),
                    e.getMessage());
            model.trainStep(ModelFixtures.batch(graph, 2, 3, 33));  // two samples are enough, on a vector too
        }
    }
}
