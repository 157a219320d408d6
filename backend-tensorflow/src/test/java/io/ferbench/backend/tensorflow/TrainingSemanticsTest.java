package io.ferbench.backend.tensorflow;

import io.ferbench.api.testing.TorchAdamReference;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.ir.GraphBuilder;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.testing.ModelFixtures;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Training against PyTorch's definitions computed here in double precision: torch.optim.Adam's
 * update (with a large epsilon, so TensorFlow's "epsilon hat" would show), L2 weight decay, the
 * (weighted) cross entropy and its gradient, and batch norm's training mode (biased variance for
 * normalising, unbiased for running_var, PyTorch's momentum).
 */
class TrainingSemanticsTest {

    /** input [4] -> dense(3): small enough to differentiate by hand. */
    private static ModelGraph linear() {
        GraphBuilder b = new GraphBuilder("input", 4, 1, 1);
        b.then("flatten", new Op.Flatten()).then("fc", new Op.Dense(3, true));
        return b.build("linear", "fc", "flatten");
    }

    /** PyTorch's cross entropy of one linear layer and its gradient, optionally class-weighted. */
    private record LinearLoss(double loss, double[][] gradW, double[] gradB) {
        static LinearLoss of(double[][] w, double[] b, Batch batch, float[] classWeights) {
            int n = batch.size(), in = w[0].length, out = w.length;
            double[][] gw = new double[out][in];
            double[] gb = new double[out];
            double weightSum = 0, loss = 0;
            double[][] dz = new double[n][out];
            for (int s = 0; s < n; s++) {
                double[] z = new double[out];
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < out; k++) {
                    z[k] = b[k];
                    for (int i = 0; i < in; i++) z[k] += w[k][i] * batch.images()[s * in + i];
                    max = Math.max(max, z[k]);
                }
                double sum = 0;
                for (int k = 0; k < out; k++) sum += Math.exp(z[k] - max);
                int y = batch.labels()[s];
                double weight = classWeights == null ? 1 : classWeights[y];
                weightSum += weight;
                loss += weight * -(z[y] - max - Math.log(sum));
                for (int k = 0; k < out; k++) dz[s][k] = weight * (Math.exp(z[k] - max) / sum - (k == y ? 1 : 0));
            }
            for (int s = 0; s < n; s++) {
                for (int k = 0; k < out; k++) {
                    gb[k] += dz[s][k] / weightSum;
                    for (int i = 0; i < in; i++) gw[k][i] += dz[s][k] * batch.images()[s * in + i] / weightSum;
                }
            }
            return new LinearLoss(loss / weightSum, gw, gb);
        }
    }

    private static double[] flat(double[][] m) {
        double[] f = new double[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) System.arraycopy(m[i], 0, f, i * m[0].length, m[0].length);
        return f;
    }

    private static void assertValues(double[] expected, float[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance * Math.max(1, Math.abs(expected[i])), what + "[" + i + "]");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void adamStepsEqualTorchOptimAdam(boolean classWeighted) {
        ModelGraph graph = linear();
        // epsilon 0.1 is far above sqrt(v) here: the epsilon-hat form would move the weights visibly less
        OptimizerSpec adam = new OptimizerSpec("adam", 0.05, 0.8, 0.9, 0.1, 0.01);
        float[] classWeights = classWeighted ? new float[] {0.5f, 2f, 1f} : null;
        float[] w0 = {0.1f, -0.2f, 0.3f, 0.05f, -0.3f, 0.25f, 0.1f, -0.1f, 0.2f, 0.1f, -0.4f, 0.3f};
        float[] b0 = {0.01f, -0.02f, 0.03f};
        NamedTensors initial = new NamedTensors()
                .put("fc.weight", new FloatTensor(new long[] {3, 4}, w0))
                .put("fc.bias", new FloatTensor(new long[] {3}, b0));
        Batch batch = new Batch(new float[] {1, 2, -1, 0.5f, -0.5f, 1, 2, -2, 0.3f, -0.7f, 1.5f, 1},
                new int[] {0, 2, 1}, 3, 4, 1, 1);

        double[] w = toDoubles(w0);
        double[] b = toDoubles(b0);
        TorchAdamReference adamW = new TorchAdamReference(adam, w.length);
        TorchAdamReference adamB = new TorchAdamReference(adam, b.length);
        try (TfTrainableModel model = Fixtures.build(graph, new ModelSpec(3, initial, adam, classWeights))) {
            double lr = adam.learningRate();
            for (int step = 0; step < 4; step++) {
                if (step == 2) {
                    lr = 0.02; // the optimizer keeps its moments and step counts across the change
                    model.setLearningRate(lr);
                }
                LinearLoss expected = LinearLoss.of(rows(w, 4), b, batch, classWeights);
                assertEquals(expected.loss(), model.evaluateLoss(batch), 1e-6, "evaluation loss before step " + step);
                assertEquals(expected.loss(), model.trainStep(batch), 1e-6, "loss returned by step " + step);
                adamW.step(w, flat(expected.gradW()), lr);
                adamB.step(b, expected.gradB(), lr);
                NamedTensors after = model.exportWeights();
                assertValues(w, after.get("fc.weight").data(), 1e-5, "fc.weight after step " + step);
                assertValues(b, after.get("fc.bias").data(), 1e-5, "fc.bias after step " + step);
            }
        }
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    private static double[][] rows(double[] flat, int width) {
        double[][] m = new double[flat.length / width][];
        for (int i = 0; i < m.length; i++) m[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        return m;
    }

    /** input -> conv -> bn -> gap -> flatten -> fc, so the batch-norm input is known exactly. */
    private static ModelGraph convBatchNorm(double eps, double momentum) {
        GraphBuilder b = new GraphBuilder("input", 1, 6, 6);
        b.then("conv", new Op.Conv2d(4, 3, 1, 1, 1, false))
                .then("bn", new Op.BatchNorm(eps, momentum))
                .then("gap", new Op.GlobalAvgPool())
                .then("flatten", new Op.Flatten())
                .then("fc", new Op.Dense(ModelFixtures.CLASSES, true));
        return b.build("conv-bn", "fc", "flatten");
    }

    @Test
    void batchNormTrainsOnBatchStatisticsAndUpdatesRunningOnesLikePyTorch() {
        double eps = 1e-3, momentum = 0.25;
        ModelGraph graph = convBatchNorm(eps, momentum);
        NamedTensors initial = EvaluationTest.perturbed(graph, 5);
        Batch batch = ModelFixtures.batch(graph, 3, 9);
        ReferenceForward.Activation conv = new ReferenceForward(graph, initial).run(batch).get("conv");

        int channels = 4, perChannel = 3 * 36;
        double[] mean = new double[channels], biasedVar = new double[channels];
        for (int n = 0; n < 3; n++) {
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < 36; i++) mean[c] += conv.data()[(n * channels + c) * 36 + i] / perChannel;
            }
        }
        for (int n = 0; n < 3; n++) {
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < 36; i++) {
                    double d = conv.data()[(n * channels + c) * 36 + i] - mean[c];
                    biasedVar[c] += d * d / perChannel;
                }
            }
        }
        // training forward: normalise with the biased batch variance, then pool, dense, cross entropy
        float[] gamma = initial.get("bn.weight").data(), beta = initial.get("bn.bias").data();
        float[] fcW = initial.get("fc.weight").data(), fcB = initial.get("fc.bias").data();
        double loss = 0;
        for (int n = 0; n < 3; n++) {
            double[] pooled = new double[channels];
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < 36; i++) {
                    double x = conv.data()[(n * channels + c) * 36 + i];
                    pooled[c] += ((x - mean[c]) / Math.sqrt(biasedVar[c] + eps) * gamma[c] + beta[c]) / 36;
                }
            }
            double[] z = new double[ModelFixtures.CLASSES];
            double sum = 0;
            for (int k = 0; k < z.length; k++) {
                z[k] = fcB[k];
                for (int c = 0; c < channels; c++) z[k] += fcW[k * channels + c] * pooled[c];
                sum += Math.exp(z[k]);
            }
            loss += (Math.log(sum) - z[batch.labels()[n]]) / 3;
        }

        try (TfTrainableModel model = Fixtures.build(graph, new ModelSpec(1, initial, OptimizerSpec.adam(1e-3), null))) {
            assertEquals(loss, model.trainStep(batch), 1e-5, "training-mode loss uses batch statistics");
            NamedTensors after = model.exportWeights();
            float[] runningMean = initial.get("bn.running_mean").data(), runningVar = initial.get("bn.running_var").data();
            for (int c = 0; c < channels; c++) {
                double unbiased = biasedVar[c] * perChannel / (perChannel - 1);
                assertEquals((1 - momentum) * runningMean[c] + momentum * mean[c], after.get("bn.running_mean").data()[c],
                        1e-5, "running_mean[" + c + "]");
                assertEquals((1 - momentum) * runningVar[c] + momentum * unbiased, after.get("bn.running_var").data()[c],
                        1e-5 * Math.max(1, unbiased), "running_var[" + c + "] (PyTorch: unbiased batch variance)");
            }
        }
    }

    @Test
    void sameSeedSameDropoutMasksOtherSeedOtherMasks() {
        ModelGraph graph = Fixtures.tinyGraph(0.5);
        NamedTensors initial = WeightInitializer.initialise(graph, 1);
        Batch batch = ModelFixtures.batch(graph, 4, 2);
        float[] a = losses(graph, new ModelSpec(7, initial, OptimizerSpec.adam(1e-3), null), batch);
        float[] b = losses(graph, new ModelSpec(7, initial, OptimizerSpec.adam(1e-3), null), batch);
        float[] c = losses(graph, new ModelSpec(8, initial, OptimizerSpec.adam(1e-3), null), batch);
        assertArrayEquals(a, b, "same seed, same weights: the same run");
        assertNotEquals(a[0], c[0], "another seed draws other dropout masks");
    }

    private static float[] losses(ModelGraph graph, ModelSpec spec, Batch batch) {
        try (TfTrainableModel model = Fixtures.build(graph, spec)) {
            float[] losses = new float[3];
            for (int i = 0; i < losses.length; i++) losses[i] = model.trainStep(batch);
            return losses;
        }
    }

    @Test
    void parametersTheLossDoesNotReadGetNoStepLikeInPyTorch() {
        GraphBuilder b = new GraphBuilder("input", 2, 1, 1);
        b.add("unused", new Op.Conv2d(2, 1, 1, 0, 1, false), "input");
        b.add("flatten", new Op.Flatten(), "input");
        b.then("fc", new Op.Dense(3, true));
        ModelGraph graph = b.build("dangling", "fc", "flatten");
        Batch batch = new Batch(new float[] {1, 2}, new int[] {1}, 1, 2, 1, 1);
        try (TfTrainableModel model = Fixtures.build(graph, ModelFixtures.spec(graph, 1, 1e-2))) {
            NamedTensors before = model.exportWeights();
            model.trainStep(batch);
            NamedTensors after = model.exportWeights();
            assertEquals(before.get("unused.weight"), after.get("unused.weight"), "no gradient, no Adam step");
            assertNotEquals(before.get("fc.weight"), after.get("fc.weight"));
        }
    }
}
