package io.ferbench.backend.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.Parameters;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.testing.ModelFixtures;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reference's backward pass against its own forward pass, independently of any engine: for entries of every
 * trained parameter of the tiny graph (every op), the analytic gradient equals the central finite difference of the
 * training loss (class weights and label smoothing included). This checks the gradients' size, which the comparison
 * with DJL barely can: Adam's first steps move a weight by about ±lr whatever its gradient's size.
 *
 * <p>The error is measured against the largest gradient entry of the same parameter, and must stay below 1e-2
 * (measured: 3.2e-3, at {@code conv1.weight[0]}). The step is 1e-3: ReLU, ReLU6 and max pooling have kinks, and a
 * step that crosses one makes the finite difference wrong (at 3e-3 one entry of {@code dw.weight} is 4 % off); much
 * smaller steps drown the difference in the loss's float32 rounding.
 */
class GradientCheckTest {
    private static final float STEP = 1e-3f;
    private static final int ENTRIES_PER_PARAMETER = 4;

    @Test
    void everyParameterGradientIsTheFiniteDifferenceOfTheLoss() {
        ModelGraph graph = ModelFixtures.tinyGraph(0.0);
        Batch batch = ModelFixtures.batch(graph, 6, 51);
        Activation images = new Activation(batch.images(), batch.size(), batch.channels(), batch.height(),
                batch.width());
        Weights weights = new Weights(Parameters.of(graph), graph.architecture());
        weights.load(WeightInitializer.initialise(graph, 52), true, "initial weights");
        try (Parallel parallel = new Parallel(1)) {
            GraphProgram program = new GraphProgram(graph, weights, 53, parallel);
            Map<String, Integer> trained = new LinkedHashMap<>();
            for (ParameterDef def : weights.definitions()) {
                if (def.trainable()) trained.put(def.key(), Math.toIntExact(def.size()));
            }
            program.configure(Set.of(), weights.definitions().stream().filter(ParameterDef::trainable)
                    .map(ParameterDef::node).collect(Collectors.toSet()));
            CrossEntropyLoss loss = new CrossEntropyLoss(ModelFixtures.CLASSES,
                    new float[] {1f, 2f, 0.5f, 1f, 1.5f, 1f, 0.75f}, 0.1);
            CrossEntropyLoss.Value value = loss.evaluate(program.forward(images, true).get(graph.output()),
                    batch.labels(), true);
            Gradients gradients = new Gradients(trained);
            program.backward(value.gradient(), gradients);

            double worst = 0;
            String worstAt = null;
            for (String key : trained.keySet()) {
                float[] w = weights.get(key);
                double scale = Arrays.stream(gradients.of(key)).map(Math::abs).max().orElse(0);
                for (int e = 0; e < ENTRIES_PER_PARAMETER; e++) {
                    int j = (int) ((long) e * w.length / ENTRIES_PER_PARAMETER);
                    float original = w[j];
                    w[j] = original + STEP;
                    float up = w[j];
                    double lossUp = loss.evaluate(program.forward(images, true).get(graph.output()), batch.labels(),
                            false).loss();
                    w[j] = original - STEP;
                    float down = w[j];
                    double lossDown = loss.evaluate(program.forward(images, true).get(graph.output()), batch.labels(),
                            false).loss();
                    w[j] = original;
                    double numeric = (lossUp - lossDown) / ((double) up - down);
                    double analytic = gradients.of(key)[j];
                    double error = Math.abs(numeric - analytic) / scale;
                    if (error > worst) {
                        worst = error;
                        worstAt = key + "[" + j + "]: analytic " + analytic + ", numeric " + numeric;
                    }
                }
            }
            assertTrue(worst < 1e-2, "largest relative error " + worst + " at " + worstAt);
        }
    }
}
