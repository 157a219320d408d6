package io.ferbench.worker.metrics;

import static io.ferbench.worker.metrics.ClassificationReportTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PcaTest {

    /**
     * Data built with known principal axes: scores S with orthogonal, centred columns of decreasing
     * scale, rotated by a random orthogonal matrix R and shifted. Exact PCA must return S (up to each
     * column's sign), so the comparison does not rest on this implementation's own arithmetic.
     */
    @Test
    void recoversKnownPrincipalScores() {
        int n = 300;
        int d = 120;
        Random random = new Random(42);
        double[][] scoreColumns = orthonormalColumns(random, d, n, true);
        for (int k = 0; k < d; k++) {
            double scale = 10 * Math.pow(0.85, k);
            for (int i = 0; i < n; i++) {
                scoreColumns[k][i] *= scale;
            }
        }
        double[][] rotation = orthonormalColumns(random, d, d, false); // rotation[k] = k-th principal axis
        double[][] data = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                double value = 5; // the mean PCA must remove
                for (int k = 0; k < d; k++) {
                    value += scoreColumns[k][i] * rotation[k][c];
                }
                data[i][c] = value;
            }
        }

        double[][] projected = Pca.project(data, 50, 7);
        for (int k = 0; k < 50; k++) {
            double sign = Math.signum(projected[0][k]) * Math.signum(scoreColumns[k][0]);
            for (int i = 0; i < n; i++) {
                assertEquals(scoreColumns[k][i], sign * projected[i][k], 1e-8, "component " + k + ", point " + i);
            }
        }
    }

    @Test
    void resultDoesNotDependOnTheSeedBeyondRounding() {
        // A decaying spectrum, as CNN features have: every kept component is resolved by the power iterations.
        Random random = new Random(1);
        double[][] data = new double[80][70];
        for (double[] row : data) {
            for (int c = 0; c < row.length; c++) {
                row[c] = Math.pow(0.8, c) * random.nextGaussian();
            }
        }
        double[][] a = Pca.project(data, 10, 1);
        double[][] b = Pca.project(data, 10, 2);
        for (int i = 0; i < data.length; i++) {
            assertArrayEquals(a[i], b[i], 1e-9, "point " + i);
        }
    }

    @Test
    void fewerPointsThanComponentsKeepsEveryDistance() {
        // 20 points span at most 19 dimensions after centring: 50 components hold them exactly, the rest are zero.
        double[][] data = gaussianData(new Random(5), 20, 100, 3.0);
        double[][] projected = Pca.project(data, 50, 9);
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 20; j++) {
                assertEquals(distance(data[i], data[j]), distance(projected[i], projected[j]), 1e-9);
            }
            for (int k = 20; k < 50; k++) {
                assertEquals(0.0, projected[i][k], 0.0);
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        assertMessage("components must be in 1..3", () -> Pca.project(new double[][] {{1, 2, 3}}, 4, 0));
        assertMessage("data[1] has 2 values but data[0] has 3", () -> Pca.project(new double[][] {{1, 2, 3}, {1, 2}}, 1, 0));
        assertMessage("data[0][1] is NaN", () -> Pca.project(new double[][] {{1, Double.NaN}}, 1, 0));
    }

    static double[][] gaussianData(Random random, int n, int d, double scale) {
        double[][] data = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                data[i][c] = scale * random.nextGaussian() * (1 + c % 7);
            }
        }
        return data;
    }

    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int c = 0; c < a.length; c++) {
            sum += (a[c] - b[c]) * (a[c] - b[c]);
        }
        return Math.sqrt(sum);
    }

    /** {@code count} orthonormal vectors of length {@code length} (classical Gram-Schmidt on Gaussians), optionally orthogonal to the all-ones vector. */
    private static double[][] orthonormalColumns(Random random, int count, int length, boolean centred) {
        double[][] vectors = new double[count][length];
        for (int k = 0; k < count; k++) {
            double[] v = vectors[k];
            for (int i = 0; i < length; i++) {
                v[i] = random.nextGaussian();
            }
            for (int pass = 0; pass < 2; pass++) {
                if (centred) {
                    double mean = 0;
                    for (double value : v) {
                        mean += value / length;
                    }
                    for (int i = 0; i < length; i++) {
                        v[i] -= mean;
                    }
                }
                for (int j = 0; j < k; j++) {
                    double dot = 0;
                    for (int i = 0; i < length; i++) {
                        dot += v[i] * vectors[j][i];
                    }
                    for (int i = 0; i < length; i++) {
                        v[i] -= dot * vectors[j][i];
                    }
                }
            }
            double norm = 0;
            for (double value : v) {
                norm += value * value;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < length; i++) {
                v[i] /= norm;
            }
        }
        return vectors;
    }
}
