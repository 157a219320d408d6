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
        float loss = new CrossEntropy(3, null).loss(logits(), LABELS).getFloat();
        assertEquals(expected, loss, 1e-6);
    }

    @Test
    void classWeightedLossIsTheWeightedMeanLikeTorch() {
        float[] weights = {1, 0.5f, 3};
        // Σ w[y]·nll / Σ w[y] = (3·nll₀ + 0.5·nll₁) / (3 + 0.5)
        double expected = (3 * nll(new double[] {1, 2, 3}, 2) + 0.5 * nll(new double[] {1, 0, 0}, 1)) / 3.5;
        float loss = new CrossEntropy(3, weights).loss(logits(), LABELS).getFloat();
        assertEquals(expected, loss, 1e-6);
        assertTrue(Math.abs(expected - (nll(new double[] {1, 2, 3}, 2) + nll(new double[] {1, 0, 0}, 1)) / 2) > 0.1,
                "the weights must change the value for this test to mean anything");
    }

    @Test
    void rejectsBadWeightsAndLabels() {
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropy(3, new float[] {1, 1}));
        assertTrue(count.getMessage().contains("2 entries") && count.getMessage().contains("3 classes"),
                count.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CrossEntropy(3, new float[] {1, -1, 1}));
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropy(3, null).checkLabels(new int[] {0, 3}));
        assertTrue(label.getMessage().contains("label 3 of sample 1"), label.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new CrossEntropy(3, new float[] {0, 1, 1}).loss(logits(), new int[] {0, 0}));
        assertTrue(zero.getMessage().contains("class weight 0"), zero.getMessage());
    }
}
