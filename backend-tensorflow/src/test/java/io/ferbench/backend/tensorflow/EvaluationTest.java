package io.ferbench.backend.tensorflow;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.backend.Prediction;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Evaluation-mode logits and features against {@link ReferenceForward} (PyTorch's definitions in
 * NCHW, double precision), with batch-norm statistics and affine parameters perturbed away from
 * their initial 0/1 so that every parameter's layout matters.
 */
class EvaluationTest {
    private static final double TOLERANCE = 1e-4;

    /** The IR initialisation with every batch-norm vector randomised (variances kept positive). */
    static NamedTensors perturbed(ModelGraph graph, long seed) {
        NamedTensors initial = WeightInitializer.initialise(graph, seed);
        SplittableRandom random = new SplittableRandom(seed);
        NamedTensors out = new NamedTensors();
        for (Map.Entry<String, FloatTensor> e : initial.asMap().entrySet()) {
            float[] v = e.getValue().data().clone();
            String key = e.getKey();
            boolean batchNorm = graph.node(key.substring(0, key.lastIndexOf('.'))).op() instanceof io.ferbench.api.ir.Op.BatchNorm;
            if (batchNorm) {
                for (int i = 0; i < v.length; i++) {
                    double u = random.nextDouble();
                    v[i] = (float) switch (key.substring(key.lastIndexOf('.') + 1)) {
                        case ParameterDef.WEIGHT -> 0.5 + u;
                        case ParameterDef.RUNNING_VAR -> 0.5 + u;
                        default -> u - 0.5;
                    };
                }
            }
            out.put(key, new FloatTensor(e.getValue().shape(), v));
        }
        return out;
    }

    private static void compare(ModelGraph graph, int batchSize) {
        NamedTensors weights = perturbed(graph, 11);
        Batch batch = Fixtures.batch(graph, batchSize, 3);
        Map<String, ReferenceForward.Activation> expected = new ReferenceForward(graph, weights).run(batch);
        try (TfTrainableModel model = Fixtures.build(graph, new ModelSpec(1, weights, OptimizerSpec.adam(1e-3), null))) {
            Prediction p = model.predict(batch, true);
            Fixtures.assertClose(expected.get(graph.output()).rows(), p.logits(), TOLERANCE, graph.architecture() + " logits");
            Fixtures.assertClose(expected.get(graph.features()).rows(), p.features(), TOLERANCE,
                    graph.architecture() + " features");
        }
    }

    @Test
    void tinyGraphWithEveryOpMatchesTheReference() {
        compare(Fixtures.tinyGraph(0.5), 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"resnet18", "mobilenet_v2", "shufflenet_v2_x1_0"})
    void architecturesMatchTheReference(String name) {
        compare(Architectures.build(name, 1, 48, Fixtures.CLASSES, 1.0), 2);
    }
}
