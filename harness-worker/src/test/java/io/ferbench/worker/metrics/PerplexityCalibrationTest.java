package io.ferbench.worker.metrics;

import static io.ferbench.worker.metrics.ClassificationReportTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PerplexityCalibrationTest {

    @Test
    void everyRowReachesTheTargetEntropy() {
        int n = 120;
        double[][] distances = squaredDistances(PcaTest.gaussianData(new Random(4), n, 10, 1.0));
        for (double perplexity : new double[] {2, 5, 30, 100}) {
            for (int i = 0; i < n; i++) {
                double[] p = PerplexityCalibration.conditionalRow(distances[i], i, perplexity);
                assertEquals(0.0, p[i], "a point is not its own neighbour");
                double sum = 0;
                for (double v : p) {
                    sum += v;
                }
                assertEquals(1.0, sum, 1e-12);
                assertEquals(Math.log(perplexity), shannonEntropy(p), PerplexityCalibration.ENTROPY_TOLERANCE,
                        "row " + i + " at perplexity " + perplexity);
            }
        }
    }

    @Test
    void nearerPointsGetMoreProbability() {
        double[] distances = {0, 1, 4, 9, 16, 25};
        double[] p = PerplexityCalibration.conditionalRow(distances, 0, 2.5);
        for (int j = 2; j < distances.length; j++) {
            assertTrue(p[j] < p[j - 1], "p decreases with distance at " + j);
        }
    }

    @Test
    void isIndependentOfTheDistanceScale() {
        // Raw CNN features have squared distances in the thousands; the search must still converge.
        double[][] distances = squaredDistances(PcaTest.gaussianData(new Random(8), 60, 5, 1.0));
        for (double scale : new double[] {1e-6, 1e6}) {
            double[] scaled = distances[3].clone();
            for (int j = 0; j < scaled.length; j++) {
                scaled[j] *= scale;
            }
            double[] p = PerplexityCalibration.conditionalRow(scaled, 3, 10);
            double[] reference = PerplexityCalibration.conditionalRow(distances[3], 3, 10);
            assertEquals(Math.log(10), shannonEntropy(p), PerplexityCalibration.ENTROPY_TOLERANCE);
            for (int j = 0; j < p.length; j++) {
                assertEquals(reference[j], p[j], 1e-4, "scale " + scale + ", neighbour " + j);
            }
        }
    }

    @Test
    void identicalPointsGiveAUniformDistribution() {
        double[] p = PerplexityCalibration.conditionalRow(new double[5], 2, 3);
        for (int j = 0; j < 5; j++) {
            assertEquals(j == 2 ? 0 : 0.25, p[j], 1e-15);
        }
    }

    @Test
    void rejectsAPerplexityTheSetCannotHave() {
        assertMessage("perplexity 30.0 is outside [1, 9] for 10 points",
                () -> PerplexityCalibration.conditionalRow(new double[10], 0, 30));
        assertMessage("perplexity 0.5", () -> PerplexityCalibration.conditionalRow(new double[10], 0, 0.5));
        assertMessage("self = 10", () -> PerplexityCalibration.conditionalRow(new double[10], 10, 3));
    }

    /** In nats, over the non-zero entries. */
    static double shannonEntropy(double[] p) {
        double h = 0;
        for (double v : p) {
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return h;
    }

    static double[][] squaredDistances(double[][] x) {
        double[][] d = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double dist = PcaTest.distance(x[i], x[j]);
                d[i][j] = dist * dist;
            }
        }
        return d;
    }
}
