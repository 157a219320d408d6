package io.ferbench.worker.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method: plane rotations
 * zero the off-diagonal entries one at a time until they are negligible. Robust and accurate
 * (also for repeated eigenvalues); O(m³) per sweep, so meant for the small matrices of the
 * randomized PCA (m of about 60).
 *
 * @param values  eigenvalues in decreasing order
 * @param vectors {@code vectors[k]} is the unit eigenvector of {@code values[k]}
 */
record SymmetricEigen(double[] values, double[][] vectors) {

    private static final int MAX_SWEEPS = 100;

    static SymmetricEigen of(double[][] symmetric) {
        int m = symmetric.length;
        double[][] a = new double[m][];
        double[][] v = new double[m][m]; // columns are eigenvectors
        double norm = 0;
        for (int r = 0; r < m; r++) {
            a[r] = symmetric[r].clone();
            v[r][r] = 1;
            for (int c = 0; c < m; c++) {
                norm += a[r][c] * a[r][c];
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(a) > 1e-30 * norm; sweep++) {
            for (int p = 0; p < m - 1; p++) {
                for (int q = p + 1; q < m; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        double[] diagonal = new double[m];
        for (int k = 0; k < m; k++) {
            diagonal[k] = a[k][k];
        }
        int[] order = IntStream.range(0, m).boxed()
                .sorted(Comparator.comparingDouble((Integer k) -> diagonal[k]).reversed())
                .mapToInt(Integer::intValue).toArray();
        double[] values = new double[m];
        double[][] vectors = new double[m][m];
        for (int k = 0; k < m; k++) {
            values[k] = diagonal[order[k]];
            for (int r = 0; r < m; r++) {
                vectors[k][r] = v[r][order[k]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** Applies the rotation in the (p, q) plane that zeroes a[p][q]: a = Jᵀ a J, v = v J. */
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        // The smaller of the two rotation angles, for stability.
        double t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int m = a.length;
        for (int k = 0; k < m; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < m; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        a[p][q] = 0;
        a[q][p] = 0;
        for (int k = 0; k < m; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double offDiagonal(double[][] a) {
        double sum = 0;
        for (int r = 0; r < a.length; r++) {
            for (int c = 0; c < a.length; c++) {
                if (r != c) {
                    sum += a[r][c] * a[r][c];
                }
            }
        }
        return sum;
    }

    @Override
    public String toString() {
        return "SymmetricEigen[values=" + Arrays.toString(values) + "]";
    }
}
