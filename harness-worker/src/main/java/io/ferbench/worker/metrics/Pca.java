package io.ferbench.worker.metrics;

import java.util.Random;
import java.util.stream.IntStream;

/**
 * Principal component projection by randomized subspace (block power) iteration (Halko, Martinsson
 * and Tropp 2011, algorithm 4.4), the method scikit-learn's {@code PCA(svd_solver="randomized")} uses.
 *
 * <p>The data are centred; a random Gaussian block of {@code components + 10} directions is pushed
 * through {@code Xᵀ X} {@value #POWER_ITERATIONS} times with re-orthonormalisation, which aligns it
 * with the dominant principal subspace; a small exact eigenproblem inside that block then gives the
 * principal axes. The cost is a few dozen products with X, never a d×d covariance, so 2,000 points
 * of 1,280 features take about a second. The top components are accurate whenever the spectrum
 * decays (as CNN features do); with a flat spectrum the trailing components are approximate, which
 * is harmless for the t-SNE pre-reduction this serves.
 *
 * <p>Deterministic for a given seed. Each axis's sign is fixed so that its largest-magnitude
 * loading is positive, which makes the output independent of the random start up to rounding.
 */
public final class Pca {
    static final int POWER_ITERATIONS = 7;
    static final int OVERSAMPLING = 10;

    private Pca() {}

    /**
     * Projects centred data onto its leading principal axes.
     *
     * @param data       {@code [points][features]}, rectangular and finite
     * @param components number of principal components, {@code 1..features}
     * @param seed       seeds the random start block
     * @return {@code [points][components]} scores, column {@code k} along the k-th largest-variance axis;
     *         columns beyond the data's rank (at most {@code points}) are zero
     */
    public static double[][] project(double[][] data, int components, long seed) {
        Matrices.requireRectangularFinite(data, "data");
        if (data.length == 0) {
            throw new IllegalArgumentException("PCA needs at least one point");
        }
        int n = data.length;
        int d = data[0].length;
        if (components < 1 || components > d) {
            throw new IllegalArgumentException("components must be in 1.." + d + " (the feature count), got " + components);
        }
        double[][] x = centred(data);
        int block = Math.min(components + OVERSAMPLING, Math.min(n, d));

        Random random = new Random(seed);
        double[][] start = new double[block][d];
        for (double[] direction : start) {
            for (int c = 0; c < d; c++) {
                direction[c] = random.nextGaussian();
            }
        }
        double[][] range = orthonormalise(times(x, start));           // block × n, spans X·start
        for (int it = 0; it < POWER_ITERATIONS; it++) {
            double[][] axes = orthonormalise(transposeTimes(x, range)); // block × d
            range = orthonormalise(times(x, axes));
        }
        // X ≈ Q·B with B = Qᵀ X; the eigenvectors of B·Bᵀ give the right singular vectors as Bᵀ w / σ.
        double[][] b = transposeTimes(x, range);
        double[][] gram = new double[block][block];
        for (int r = 0; r < block; r++) {
            for (int c = r; c < block; c++) {
                gram[r][c] = gram[c][r] = dot(b[r], b[c]);
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(gram);
        double[][] axes = new double[components][d];
        double largest = Math.max(eigen.values()[0], 0);
        for (int k = 0; k < Math.min(components, block); k++) {
            double lambda = eigen.values()[k];
            if (lambda <= 1e-20 * largest || lambda <= 0) {
                break; // beyond the data's rank: leave the remaining axes zero
            }
            double sigma = Math.sqrt(lambda);
            double[] w = eigen.vectors()[k];
            for (int r = 0; r < block; r++) {
                double weight = w[r] / sigma;
                for (int c = 0; c < d; c++) {
                    axes[k][c] += weight * b[r][c];
                }
            }
            fixSign(axes[k]);
        }
        double[][] scores = times(x, axes); // components × n
        double[][] out = new double[n][components];
        for (int k = 0; k < components; k++) {
            for (int i = 0; i < n; i++) {
                out[i][k] = scores[k][i];
            }
        }
        return out;
    }

    private static double[][] centred(double[][] data) {
        int d = data[0].length;
        double[] mean = new double[d];
        for (double[] row : data) {
            for (int c = 0; c < d; c++) {
                mean[c] += row[c];
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= data.length;
        }
        double[][] x = new double[data.length][d];
        for (int i = 0; i < data.length; i++) {
            for (int c = 0; c < d; c++) {
                x[i][c] = data[i][c] - mean[c];
            }
        }
        return x;
    }

    /** {@code (X · Vᵀ)ᵀ}: for each direction v (length d), the n-vector X·v. Rows computed in parallel, each by one thread. */
    private static double[][] times(double[][] x, double[][] directions) {
        double[][] out = new double[directions.length][x.length];
        IntStream.range(0, x.length).parallel().forEach(i -> {
            for (int k = 0; k < directions.length; k++) {
                out[k][i] = dot(x[i], directions[k]);
            }
        });
        return out;
    }

    /** For each n-vector u, the d-vector Xᵀ·u. Each output vector is summed by one thread in a fixed order. */
    private static double[][] transposeTimes(double[][] x, double[][] vectors) {
        int d = x[0].length;
        double[][] out = new double[vectors.length][d];
        IntStream.range(0, vectors.length).parallel().forEach(k -> {
            double[] u = vectors[k];
            double[] acc = out[k];
            for (int i = 0; i < x.length; i++) {
                double weight = u[i];
                double[] row = x[i];
                for (int c = 0; c < d; c++) {
                    acc[c] += weight * row[c];
                }
            }
        });
        return out;
    }

    /**
     * Modified Gram-Schmidt, applied twice for orthogonality to working precision. A vector that is
     * (numerically) dependent on the earlier ones becomes zero rather than amplified noise.
     */
    static double[][] orthonormalise(double[][] vectors) {
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < vectors.length; k++) {
                double[] v = vectors[k];
                double before = Math.sqrt(dot(v, v));
                for (int j = 0; j < k; j++) {
                    double projection = dot(vectors[j], v);
                    double[] u = vectors[j];
                    for (int c = 0; c < v.length; c++) {
                        v[c] -= projection * u[c];
                    }
                }
                double norm = Math.sqrt(dot(v, v));
                double scale = norm > 1e-10 * before && norm > 0 ? 1 / norm : 0;
                for (int c = 0; c < v.length; c++) {
                    v[c] *= scale;
                }
            }
        }
        return vectors;
    }

    private static void fixSign(double[] axis) {
        int largest = 0;
        for (int c = 1; c < axis.length; c++) {
            if (Math.abs(axis[c]) > Math.abs(axis[largest])) {
                largest = c;
            }
        }
        if (axis[largest] < 0) {
            for (int c = 0; c < axis.length; c++) {
                axis[c] = -axis[c];
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int c = 0; c < a.length; c++) {
            sum += a[c] * b[c];
        }
        return sum;
    }
}
