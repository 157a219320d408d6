package io.ferbench.worker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TsneObjectiveTest {

    /** The analytic gradient (the paper's equation 5) must match central differences of KL(P ‖ Q). */
    @Test
    void gradientMatchesFiniteDifferencesOfTheCost() {
        gradientMatchesFiniteDifferences(2); // the specialised planar path
        gradientMatchesFiniteDifferences(3); // the general path
    }

    private static void gradientMatchesFiniteDifferences(int dims) {
        int n = 15;
        Random random = new Random(21);
        double[][] distances = PerplexityCalibrationTest.squaredDistances(PcaTest.gaussianData(random, n, 6, 1.0));
        double[][] conditional = new double[n][];
        for (int i = 0; i < n; i++) {
            conditional[i] = PerplexityCalibration.conditionalRow(distances[i], i, 4);
        }
        TsneObjective objective = TsneObjective.fromConditional(conditional, dims);
        double[] y = new double[n * dims];
        for (int k = 0; k < y.length; k++) {
            y[k] = random.nextGaussian();
        }
        double[] gradient = new double[y.length];
        objective.gradient(y, 1, gradient);
        double h = 1e-6;
        for (int k = 0; k < y.length; k++) {
            double[] plus = y.clone();
            double[] minus = y.clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (objective.klDivergence(plus) - objective.klDivergence(minus)) / (2 * h);
            assertEquals(numeric, gradient[k], 1e-6 + 1e-5 * Math.abs(numeric), dims + "-D, coordinate " + k);
        }
    }

    @Test
    void jointProbabilitiesAreSymmetricAndSumToOne() {
        int n = 10;
        double[][] distances = PerplexityCalibrationTest.squaredDistances(PcaTest.gaussianData(new Random(2), n, 3, 1.0));
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = PerplexityCalibration.conditionalRow(distances[i], i, 3);
        }
        TsneObjective.fromConditional(rows, 2);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(rows[i][j], rows[j][i], 0.0);
                sum += rows[i][j];
            }
        }
        assertEquals(1.0, sum, 1e-9);
        assertTrue(rows[0][0] == 0);
    }
}
