package io.ferbench.study.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Welch's test on the three worked examples of Wikipedia's "Welch's t-test" article (section Examples), which gives
 * t, ν and p to two or three significant digits; scipy.stats.ttest_ind(a, b, equal_var=False) agrees.
 */
class WelchTestTest {
    private static final double[] A1 = {27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0,
        21.7, 21.4};
    private static final double[] A2 = {27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9,
        20.5, 24.4};
    private static final double[] B1 = {17.2, 20.9, 22.6, 18.1, 21.7, 21.4, 23.5, 24.2, 14.7, 21.8};
    private static final double[] B2 = {21.5, 22.8, 21.0, 23.0, 21.6, 23.6, 22.5, 20.7, 23.4, 21.8, 20.7, 21.7, 21.5,
        22.5, 23.6, 21.5, 22.5, 23.5, 21.5, 21.8};
    private static final double[] C1 = {19.8, 20.4, 19.6, 17.8, 18.5, 18.9, 18.3, 18.9, 19.5, 22.0};
    private static final double[] C2 = {28.2, 26.6, 20.1, 23.3, 25.2, 22.1, 17.7, 27.6, 20.6, 13.7, 23.2, 17.5, 20.6,
        18.0, 23.9, 21.6, 24.3, 20.4, 23.9, 13.3};

    @Test
    void theThreePublishedExamples() {
        WelchTest equalSizes = WelchTest.of(A1, A2);
        assertEquals(-2.46, equalSizes.t(), 0.005);
        assertEquals(24.99, equalSizes.degreesOfFreedom(), 0.005);
        assertEquals(0.021, equalSizes.p(), 0.0005);
        assertTrue(equalSizes.significant());

        WelchTest unequalSizes = WelchTest.of(B1, B2);
        assertEquals(-1.57, unequalSizes.t(), 0.005);
        assertEquals(9.9, unequalSizes.degreesOfFreedom(), 0.05);
        assertEquals(0.149, unequalSizes.p(), 0.0005);
        assertFalse(unequalSizes.significant());

        WelchTest unequalVariances = WelchTest.of(C1, C2);
        assertEquals(-2.22, unequalVariances.t(), 0.01);
        assertEquals(24.5, unequalVariances.degreesOfFreedom(), 0.05);
        assertEquals(0.035, unequalVariances.p(), 0.001);
    }

    @Test
    void tighterThanThePublishedDigitsAgainstScipy() {
        // scipy 1.17 ttest_ind(A1, A2, equal_var=False): statistic -2.455356398286006, pvalue 0.021378001462866992
        WelchTest w = WelchTest.of(A1, A2);
        assertEquals(-2.455356398286006, w.t(), 1e-12);
        assertEquals(0.021378001462866992, w.p(), 1e-12);
        assertEquals(24.988529290231416, w.degreesOfFreedom(), 1e-9);
        assertEquals(-w.t(), WelchTest.of(A2, A1).t(), 0, "the order only flips the sign");
    }

    @Test
    void summariesGiveTheTIntervalOfTheMean() {
        Summary s = Summary.of(new double[] {0.70, 0.72, 0.74});
        assertEquals(0.72, s.mean(), 1e-15);
        assertEquals(0.02, s.sd(), 1e-15);
        // 0.72 ± 4.302653 · 0.02 / √3
        assertEquals(0.72 - 4.302652729749464 * 0.02 / Math.sqrt(3), s.ciLow(), 1e-12);
        assertEquals(0.72 + 4.302652729749464 * 0.02 / Math.sqrt(3), s.ciHigh(), 1e-12);
        Summary one = Summary.of(new double[] {0.5});
        assertNull(one.sd());
        assertNull(one.ciLow());
    }

    @Test
    void degenerateSamples() {
        assertThrows(IllegalArgumentException.class, () -> WelchTest.of(new double[] {1}, new double[] {1, 2}));
        WelchTest same = WelchTest.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5});
        assertEquals(1, same.p());
        WelchTest apart = WelchTest.of(new double[] {0.5, 0.5}, new double[] {0.6, 0.6});
        assertEquals(0, apart.p());
        assertTrue(apart.significant());
    }
}
