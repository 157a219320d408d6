package io.ferbench.backend.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.ferbench.api.arch.Architectures;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.backend.Prediction;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.ModelStats;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.Parameters;
import io.ferbench.api.ir.Shapes;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.testing.ModelFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three study architectures compiled at 1×48×48 with 7 classes. */
class ArchitecturesTest {
    private static final int SIZE = 48;

    private static ModelGraph graph(String name) {
        return Architectures.build(name, 1, SIZE, ModelFixtures.CLASSES, 1.0);
    }

    private static DjlTrainableModel build(ModelGraph graph, long seed) {
        return (DjlTrainableModel) Fixtures.backend().build(graph, ModelFixtures.spec(graph, seed, 1e-3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"})
    void trainableParametersAndKeysMatchTheIr(String name) {
        ModelGraph graph = graph(name);
        try (DjlTrainableModel model = build(graph, 1)) {
            long trainable = 0;
            List<String> djlNames = new ArrayList<>();
            for (Pair<String, Parameter> p : model.djlModel().getBlock().getParameters()) {
                djlNames.add(p.getValue().getName());
                if (p.getValue().requiresGradient()) trainable += p.getValue().getArray().size();
            }
            assertEquals(ModelStats.of(graph).parameters(), trainable, "trainable parameters of " + name);

            List<ParameterDef> defs = Parameters.of(graph);
            assertEquals(defs.stream().map(ParameterDef::key).toList(), djlNames, "DJL names are the IR keys");
            NamedTensors exported = model.exportWeights();
            assertEquals(defs.stream().map(ParameterDef::key).toList(), List.copyOf(exported.keys()));
            for (ParameterDef def : defs) {
                assertArrayEquals(def.shape(), exported.get(def.key()).shape(), def.key());
                assertArrayEquals(def.shape(), model.djlModel().getBlock().getParameters().get(def.key())
                        .getArray().getShape().getShape(), "DJL array of " + def.key());
            }

            Prediction p = model.predict(ModelFixtures.batch(graph, 3, ModelFixtures.CLASSES, 5), true);
            long features = Shapes.infer(graph).get(graph.features())[0];
            assertEquals(3, p.logits().length);
            assertEquals(ModelFixtures.CLASSES, p.logits()[0].length);
            assertEquals(features, p.features()[0].length, "features come from node " + graph.features());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"})
    void overfitsAFixedBatch(String name) {
        ModelGraph graph = graph(name);
        Batch batch = ModelFixtures.batch(graph, 8, ModelFixtures.CLASSES, 11);
        try (TrainableModel model = build(graph, 3)) {
            float first = model.trainStep(batch);
            float last = first;
            for (int i = 0; i < 14; i++) last = model.trainStep(batch);
            assertTrue(first > 1.0, name + ": first loss " + first + " should be near ln 7 = 1.95");
            assertTrue(last <= 0.1 * first, name + ": loss went from " + first + " to " + last + " in 15 steps");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"})
    void exportedWeightsReproduceTheLogitsInAFreshModel(String name, @TempDir Path dir) throws Exception {
        ModelGraph graph = graph(name);
        Batch train = ModelFixtures.batch(graph, 8, ModelFixtures.CLASSES, 21);
        Batch test = ModelFixtures.batch(graph, 4, ModelFixtures.CLASSES, 22);
        try (DjlTrainableModel trained = build(graph, 4); DjlTrainableModel fresh = build(graph, 5)) {
            trained.trainStep(train);   // weights and batch-norm statistics now differ from any initialisation
            float[][] expected = trained.predict(test, false).logits();
            assertNotEquals(expected[0][0], fresh.predict(test, false).logits()[0][0], "different seeds start apart");

            fresh.importWeights(trained.exportWeights(), true);
            float[][] actual = fresh.predict(test, false).logits();
            for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], actual[i], "sample " + i);

            // DJL's own file, read back into a newly compiled block, gives the same logits too
            Path file = trained.saveNative(dir);
            assertTrue(Files.isRegularFile(file), file + " written");
            assertEquals(file, trained.saveNative(dir), "saving again overwrites the same file");
            try (Model loaded = Model.newInstance(name, trained.djlModel().getNDManager().getDevice(),
                    EngineSetup.ENGINE_NAME);
                 NDManager manager = loaded.getNDManager().newSubManager();
                 GradMode ignored = GradMode.off()) {
                loaded.setBlock(new GraphBlock(graph));
                loaded.load(dir, file.getFileName().toString().replace("-0000.params", ""));
                NDList out = loaded.getBlock().forward(new ParameterStore(manager, false),
                        new NDList(manager.create(test.images(), new Shape(4, 1, SIZE, SIZE))), false);
                float[] logits = out.get(0).toFloatArray();
                for (int i = 0; i < expected.length; i++) {
                    for (int c = 0; c < ModelFixtures.CLASSES; c++) {
                        assertEquals(expected[i][c], logits[i * ModelFixtures.CLASSES + c], "sample " + i + " class " + c);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"})
    void theSameStartingWeightsGiveTheSameLogits(String name) {
        ModelGraph graph = graph(name);
        Batch test = ModelFixtures.batch(graph, 4, ModelFixtures.CLASSES, 31);
        NamedTensors start = WeightInitializer.initialise(graph, 7);
        OptimizerSpec adam = OptimizerSpec.adam(1e-3);
        // different engine seeds: only the given weights decide the logits
        try (TrainableModel a = Fixtures.backend().build(graph, new ModelSpec(7, start, adam, null));
             TrainableModel b = Fixtures.backend().build(graph, new ModelSpec(8, start, adam, null))) {
            float[][] la = a.predict(test, false).logits();
            float[][] lb = b.predict(test, false).logits();
            for (int i = 0; i < la.length; i++) assertArrayEquals(la[i], lb[i], "sample " + i);
        }
    }
}
