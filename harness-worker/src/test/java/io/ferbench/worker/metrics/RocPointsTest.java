package io.ferbench.worker.metrics;

import static io.ferbench.worker.metrics.ClassificationReportTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocPointsTest {

    /*
     * scikit-learn, sklearn/metrics/_ranking.py, roc_curve docstring (1.3 and later):
     *   y = [1, 1, 2, 2]; scores = [0.1, 0.4, 0.35, 0.8]; roc_curve(y, scores, pos_label=2)
     *   fpr        = [0. , 0. , 0.5, 0.5, 1. ]
     *   tpr        = [0. , 0.5, 0.5, 1. , 1. ]
     *   thresholds = [ inf, 0.8 , 0.4 , 0.35, 0.1 ]
     * and the auc / roc_auc_score docstrings: 0.75.
     */
    @Test
    void matchesScikitLearnRocCurveDocstring() {
        boolean[] positive = {false, false, true, true};
        double[] scores = {0.1, 0.4, 0.35, 0.8};
        for (boolean drop : new boolean[] {true, false}) { // nothing is collinear here, so both agree
            RocPoints roc = RocPoints.of(positive, scores, drop);
            assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, roc.fpr());
            assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, roc.tpr());
            assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.8, 0.4, 0.35, 0.1}, roc.thresholds());
            assertEquals(0.75, roc.area(), 1e-15);
        }
    }

    @Test
    void tiedScoresShareOneThresholdAndEarnHalfCredit() {
        // Scores 0.9 (+), 0.5 (+, -, -), 0.1 (-): the tie is one diagonal step.
        boolean[] positive = {true, true, false, false, false};
        double[] scores = {0.9, 0.5, 0.5, 0.5, 0.1};
        RocPoints roc = RocPoints.of(positive, scores, false);
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.9, 0.5, 0.1}, roc.thresholds());
        assertArrayEquals(new double[] {0, 0, 2.0 / 3, 1}, roc.fpr());
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, roc.tpr());
        // Pairs: 0.9 beats all 3 negatives; 0.5 beats 0.1 and ties two: (3 + 1 + 0.5 + 0.5) / 6.
        assertEquals(5.0 / 6, roc.area(), 1e-15);
    }

    @Test
    void dropIntermediateRemovesCollinearPointsOnly() {
        // Descending: + + + - - - : three equal vertical steps then three equal horizontal steps.
        boolean[] positive = {true, true, true, false, false, false};
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
        RocPoints all = RocPoints.of(positive, scores, false);
        RocPoints dropped = RocPoints.of(positive, scores, true);
        assertEquals(7, all.fpr().length);
        // Kept, as in scikit-learn (which drops before prepending the (0, 0) point): the first threshold,
        // the corner at (0, 1) and the last threshold.
        assertArrayEquals(new double[] {0, 0, 0, 1}, dropped.fpr());
        assertArrayEquals(new double[] {0, 1.0 / 3, 1, 1}, dropped.tpr());
        assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.9, 0.7, 0.4}, dropped.thresholds());
        assertEquals(1.0, dropped.area());
        assertEquals(all.area(), dropped.area());
    }

    /** AUC equals the Mann-Whitney probability that a random positive outscores a random negative, ties counting 1/2. */
    @Test
    void areaEqualsMannWhitneyStatisticUnderHeavyTies() {
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 30 + random.nextInt(50);
            boolean[] positive = new boolean[n];
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                positive[i] = random.nextDouble() < 0.4;
                // Few distinct values, shifted up for positives: many ties, imperfect ranking.
                scores[i] = random.nextInt(6) / 5.0 + (positive[i] ? 0.2 : 0);
            }
            positive[0] = true;
            positive[1] = false;
            double expected = mannWhitney(positive, scores);
            assertEquals(expected, RocPoints.of(positive, scores, true).area(), 1e-12, "trial " + trial);
            assertEquals(expected, RocPoints.of(positive, scores, false).area(), 1e-12, "trial " + trial);
        }
    }

    @Test
    void curveIsMonotoneFromOriginToOneOne() {
        Random random = new Random(11);
        boolean[] positive = new boolean[200];
        double[] scores = new double[200];
        for (int i = 0; i < 200; i++) {
            positive[i] = i % 3 == 0;
            scores[i] = random.nextGaussian() + (positive[i] ? 1 : 0);
        }
        RocPoints roc = RocPoints.of(positive, scores, true);
        double[] fpr = roc.fpr();
        double[] tpr = roc.tpr();
        double[] thresholds = roc.thresholds();
        assertEquals(0, fpr[0]);
        assertEquals(0, tpr[0]);
        assertEquals(1, fpr[fpr.length - 1]);
        assertEquals(1, tpr[tpr.length - 1]);
        for (int i = 1; i < fpr.length; i++) {
            assertTrue(fpr[i] >= fpr[i - 1] && tpr[i] >= tpr[i - 1], "non-decreasing at " + i);
            assertTrue(thresholds[i] < thresholds[i - 1], "strictly decreasing thresholds at " + i);
        }
        assertTrue(roc.area() > 0.6 && roc.area() < 1);
    }

    @Test
    void undefinedRatesAreNaN() {
        RocPoints noNegatives = RocPoints.of(new boolean[] {true, true}, new double[] {0.3, 0.7}, true);
        for (double f : noNegatives.fpr()) {
            assertTrue(Double.isNaN(f));
        }
        assertArrayEquals(new double[] {0, 0.5, 1}, noNegatives.tpr());
        assertTrue(Double.isNaN(noNegatives.area()));
    }

    @Test
    void rejectsMismatchedOrNonFiniteInput() {
        assertMessage("2 positive flags but 1 scores", () -> RocPoints.of(new boolean[2], new double[1], true));
        assertMessage("scores[1] is NaN", () -> RocPoints.of(new boolean[2], new double[] {0, Double.NaN}, true));
        assertMessage("at least one", () -> RocPoints.of(new boolean[0], new double[0], true));
    }

    private static double mannWhitney(boolean[] positive, double[] scores) {
        double wins = 0;
        long pairs = 0;
        for (int p = 0; p < scores.length; p++) {
            for (int q = 0; q < scores.length; q++) {
                if (positive[p] && !positive[q]) {
                    pairs++;
                    wins += scores[p] > scores[q] ? 1 : scores[p] == scores[q] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }
}
