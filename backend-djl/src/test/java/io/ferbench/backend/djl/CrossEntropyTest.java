package io.ferbench.backend.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loss values worked out by hand, as torch.nn.CrossEntropyLoss defines them. */
class CrossEntropyTest {
    private static final float[] LOGITS = {1, 2, 3, 1, 0, 0};
    private static final int[] LABELS = {2, 1};
    private NDManager manager;

    @BeforeEach void open() { manager = Fixtures.manager(); }

    @AfterEach void close() { manager.close(); }

    /** -log softmax(row)[label] in double precision. */
    private static double nll(double[] row, int label) {
        double sum = 0;
        for (double v : row) sum += Math.exp(v);
        return Math.log(sum) - row[label];
    }

    private NDArray logits() { return manager.create(LOGITS, new Shape(2, 3)); }

    @Test
    void unweightedLossIsTheMeanNegativeLogLikelihood() {
        double expected = (nll(new double[] {1, 2, 3}, 2) + nll(new double[] {1, 0, 0}, 1)) / 2;
        float loss = new CrossEntropy(3, null, 0).loss(logits(), LABELS).getFloat();
        assertEquals(expected, loss, 1e-6);
    }

    @Test
    void classWeightedLossIsTheWeightedMeanLikeTorch() {
        float[] weights = {1, 0.5f, 3};
        // Σ w[y]·nll / Σ w[y] = (3·nll₀ + 0.5·nll₁) / (3 + 0.5)
        double expected = (3 * nll(new double[] {1, 2, 3}, 2) + 0.5 * nll(new double[] {1, 0, 0}, 1)) / 3.5;
        float loss = new CrossEntropy(3, weights, 0).loss(logits(), LABELS).getFloat();
        assertEquals(expected, loss, 1e-6);
        assertTrue(Math.abs(expected - (nll(new double[] {1, 2, 3}, 2) + nll(new double[] {1, 0, 0}, 1)) / 2) > 0.1,
                "the weights must change the value for this test to mean anything");
    }

    /** PyTorch's label_smoothing: (1 − ε)·nll(y) + ε·mean_c(−log p_c), per example, then the (weighted) mean. */
    @Test
    void labelSmoothingMixesInTheMeanNegativeLogLikelihoodOfEveryClass() {
        double eps = 0.1;
        double[][] rows = {{1, 2, 3}, {1, 0, 0}};
        double[] perExample = new double[2];
        for (int i = 0; i < 2; i++) {
            double uniform = 0;
            for (int c = 0; c < 3; c++) uniform += nll(rows[i], c) / 3;
            perExample[i] = (1 - eps) * nll(rows[i], LABELS[i]) + eps * uniform;
        }
        assertEquals((perExample[0] + perExample[1]) / 2,
                new CrossEntropy(3, null, eps).loss(logits(), LABELS).getFloat(), 1e-6);
        assertEquals((3 * perExample[0] + 0.5 * perExample[1]) / 3.5,
                new CrossEntropy(3, new float[] {1, 0.5f, 3}, eps).loss(logits(), LABELS).getFloat(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> new CrossEntropy(3, null, 1.0));
    }

    @Test
    void rejectsBadWeightsAndLabels() {
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropy(3, new float[] {1, 1}, 0));
        assertTrue(count.getMessage().contains("2 entries") && count.getMessage().contains("3 classes"),
                count.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CrossEntropy(3, new float[] {1, -1, 1}, 0));
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> new io.ferbench.api.backend.Batch(new float[2], new int[] {0, 3}, 2, 1, 1, 1)
                        .requireClassLabels(new CrossEntropy(3, null, 0).classes()));
        assertTrue(label.getMessage().contains("label 3 of sample 1"), label.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropy(3, new float[] {0, 1, 1}, 0).loss(logits(), new int[] {0, 0}));
        assertTrue(zero.getMessage().contains("class weight 0"), zero.getMessage());
    }
}
