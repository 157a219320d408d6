package io.ferbench.backend.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.ir.GraphBuilder;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.NamedTensors;
import org.junit.jupiter.api.Test;

/**
 * Batch norm follows PyTorch: {@code running = (1 − momentum)·running + momentum·batch}, the running
 * variance updated with the unbiased batch variance, and evaluation normalising with
 * {@code (x − mean)/√(var + eps)}. The batch norm reads the input directly, so the expected statistics
 * are computed here from the images.
 */
class BatchNormTest {
    private static final int C = 3;
    private static final int H = 4;
    private static final int W = 5;
    private static final int N = 6;

    private static ModelGraph graph(double eps, double momentum) {
        GraphBuilder b = new GraphBuilder("input", C, H, W);
        b.then("bn", new Op.BatchNorm(eps, momentum)).then("flatten", new Op.Flatten()).then("fc", new Op.Dense(Fixtures.CLASSES, true));
        return b.build("bn", "fc", "flatten");
    }

    @Test
    void runningStatisticsUsePyTorchsMomentumAndTheUnbiasedVariance() {
        double momentum = 0.3;
        ModelGraph graph = graph(1e-5, momentum);
        Batch batch = batch();
        try (var model = Fixtures.backend().build(graph, Fixtures.spec(graph, 1, 1e-3))) {
            model.trainStep(batch);
            NamedTensors w = model.exportWeights();
            for (int c = 0; c < C; c++) {
                double[] stats = channelStatistics(batch, c);
                double mean = stats[0];
                double unbiased = stats[1] * (N * H * W) / (N * H * W - 1.0);
                assertEquals(momentum * mean, w.get("bn.running_mean").data()[c], 1e-6, "running mean " + c);
                assertEquals((1 - momentum) + momentum * unbiased, w.get("bn.running_var").data()[c], 1e-5,
                        "running var " + c);
            }
        }
    }

    @Test
    void evaluationNormalisesWithTheRunningStatisticsAndEps() {
        double eps = 0.5;  // large, so that using another epsilon would show
        ModelGraph graph = graph(eps, 0.1);
        NamedTensors weights = WeightInitializer.initialise(graph, 1);
        float[] mean = {0.5f, -1f, 2f};
        float[] var = {4f, 0.25f, 1f};
        float[] gamma = {1.5f, 1f, -2f};
        float[] beta = {0f, 0.25f, 1f};
        weights.put("bn.running_mean", new io.ferbench.api.tensor.FloatTensor(new long[] {C}, mean));
        weights.put("bn.running_var", new io.ferbench.api.tensor.FloatTensor(new long[] {C}, var));
        weights.put("bn.weight", new io.ferbench.api.tensor.FloatTensor(new long[] {C}, gamma));
        weights.put("bn.bias", new io.ferbench.api.tensor.FloatTensor(new long[] {C}, beta));
        Batch batch = batch();
        try (var model = Fixtures.backend().build(graph, new ModelSpec(1, weights, OptimizerSpec.adam(1e-3), null))) {
            float[][] features = model.predict(batch, true).features();
            for (int n = 0; n < N; n++) {
                for (int c = 0; c < C; c++) {
                    int i = (n * C + c) * H * W;
                    double x = batch.images()[i];
                    double expected = (x - mean[c]) / Math.sqrt(var[c] + eps) * gamma[c] + beta[c];
                    assertEquals(expected, features[n][c * H * W], 1e-5);
                }
            }
        }
    }

    private static Batch batch() {
        Batch noise = Fixtures.batch(graph(1e-5, 0.1), N, 3);
        float[] images = noise.images().clone();
        for (int i = 0; i < images.length; i++) images[i] = images[i] * 2 + 1;  // mean 1, variance 4
        return new Batch(images, noise.labels(), N, C, H, W);
    }

    /** Mean and biased variance of channel {@code c} over the batch and positions, in double. */
    private static double[] channelStatistics(Batch batch, int c) {
        double sum = 0;
        double squares = 0;
        int count = N * H * W;
        for (int n = 0; n < N; n++) {
            for (int p = 0; p < H * W; p++) {
                double x = batch.images()[(n * C + c) * H * W + p];
                sum += x;
                squares += x * x;
            }
        }
        double mean = sum / count;
        return new double[] {mean, squares / count - mean * mean};
    }
}
