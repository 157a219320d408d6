package io.ferbench.worker.metrics;

import static io.ferbench.worker.metrics.ClassificationReportTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoftmaxTest {

    @Test
    void exponentiatesAndNormalises() {
        // exp(0) : exp(ln 2) : exp(ln 3) = 1 : 2 : 3
        float[][] p = Softmax.probabilities(new float[][] {{0f, (float) Math.log(2), (float) Math.log(3)}});
        assertArrayEquals(new float[] {1f / 6, 2f / 6, 3f / 6}, p[0], 1e-6f);
    }

    @Test
    void hugeLogitsDoNotOverflow() {
        // A naive exp(1000) is infinite; the shifted form gives 1/(1+e) and e/(1+e).
        float[][] p = Softmax.probabilities(new float[][] {{1000f, 1001f}, {-1000f, -1001f}});
        double e = Math.E;
        assertArrayEquals(new float[] {(float) (1 / (1 + e)), (float) (e / (1 + e))}, p[0], 1e-6f);
        assertArrayEquals(new float[] {(float) (e / (1 + e)), (float) (1 / (1 + e))}, p[1], 1e-6f);
    }

    @Test
    void isShiftInvariantAndRowsSumToOne() {
        float[][] logits = {{0.3f, -2f, 5f, 1f}, {10.3f, 8f, 15f, 11f}};
        float[][] p = Softmax.probabilities(logits);
        assertArrayEquals(p[0], p[1], 1e-6f);
        double sum = 0;
        for (float v : p[0]) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-6);
        assertEquals(2, p.length);
    }

    @Test
    void rejectsBadLogits() {
        assertMessage("logits[1][0] is NaN", () -> Softmax.probabilities(new float[][] {{1, 2}, {Float.NaN, 0}}));
        assertMessage("logits[0][1] is Infinity", () -> Softmax.probabilities(new float[][] {{1, Float.POSITIVE_INFINITY}}));
        assertMessage("logits[1] has 3 values but logits[0] has 2",
                () -> Softmax.probabilities(new float[][] {{1, 2}, {1, 2, 3}}));
        assertMessage("logits[0] is empty", () -> Softmax.probabilities(new float[][] {{}}));
    }
}
