package io.ferbench.worker.metrics;

import java.util.stream.IntStream;

/**
 * The t-SNE cost {@code KL(P ‖ Q)} and its gradient (van der Maaten and Hinton 2008, equation 5):
 * {@code ∂C/∂y_i = 4 Σ_j (p_ij − q_ij)(y_i − y_j)(1 + ‖y_i − y_j‖²)⁻¹}, with the Student-t
 * similarities {@code q_ij = (1 + ‖y_i − y_j‖²)⁻¹ / Z}.
 *
 * <p>Exact, O(n²) per evaluation. Rows are processed in parallel, but every sum is taken by one
 * thread in a fixed order, so results do not depend on the number of threads.
 */
final class TsneObjective {
    /** Floor on joint probabilities, as in the reference implementation, so that log p is finite. */
    private static final double MIN_PROBABILITY = 1e-12;

    private final double[][] joint;
    private final int dims;

    private TsneObjective(double[][] joint, int dims) {
        this.joint = joint;
        this.dims = dims;
    }

    /**
     * Symmetrises conditional distributions into the joint {@code p_ij = (p(j|i) + p(i|j)) / 2n},
     * in place (the rows passed in become the joint matrix).
     */
    static TsneObjective fromConditional(double[][] conditional, int dims) {
        int n = conditional.length;
        for (int i = 0; i < n; i++) {
            conditional[i][i] = 0;
            for (int j = i + 1; j < n; j++) {
                double p = Math.max((conditional[i][j] + conditional[j][i]) / (2.0 * n), MIN_PROBABILITY);
                conditional[i][j] = p;
                conditional[j][i] = p;
            }
        }
        return new TsneObjective(conditional, dims);
    }

    int points() {
        return joint.length;
    }

    /**
     * Writes the gradient at {@code y} into {@code gradient}, with P multiplied by {@code exaggeration}
     * (early exaggeration; 1 for the plain cost).
     *
     * @param y        {@code points × dims} coordinates, row-major
     * @param gradient same layout, overwritten
     */
    void gradient(double[] y, double exaggeration, double[] gradient) {
        int n = joint.length;
        double[] repulsion = new double[n * dims];
        double[] rowNormaliser = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> rowNormaliser[i] = dims == 2
                ? accumulatePlanar(i, y, gradient, repulsion)
                : accumulate(i, y, gradient, repulsion));
        double z = 0;
        for (double rowZ : rowNormaliser) {
            z += rowZ;
        }
        // (p_ij − q_ij)·k_ij = p_ij·k_ij − k_ij² / Z
        for (int k = 0; k < gradient.length; k++) {
            gradient[k] = 4 * (exaggeration * gradient[k] - repulsion[k] / z);
        }
    }

    /**
     * For row i: {@code Σ_j p_ij k_ij (y_i − y_j)} into {@code attraction}, {@code Σ_j k_ij² (y_i − y_j)}
     * into {@code repulsion}, and returns {@code Σ_j k_ij}, where {@code k_ij = 1 / (1 + ‖y_i − y_j‖²)}.
     */
    private double accumulate(int i, double[] y, double[] attraction, double[] repulsion) {
        double[] p = joint[i];
        int oi = i * dims;
        double z = 0;
        for (int c = 0; c < dims; c++) {
            attraction[oi + c] = 0;
        }
        for (int j = 0; j < joint.length; j++) {
            if (j == i) {
                continue;
            }
            int oj = j * dims;
            double distance = 0;
            for (int c = 0; c < dims; c++) {
                double diff = y[oi + c] - y[oj + c];
                distance += diff * diff;
            }
            double kernel = 1 / (1 + distance);
            z += kernel;
            double attract = p[j] * kernel;
            double repel = kernel * kernel;
            for (int c = 0; c < dims; c++) {
                double diff = y[oi + c] - y[oj + c];
                attraction[oi + c] += attract * diff;
                repulsion[oi + c] += repel * diff;
            }
        }
        return z;
    }

    /** {@link #accumulate} for the common 2-D case with the sums in registers: about twice as fast. */
    private double accumulatePlanar(int i, double[] y, double[] attraction, double[] repulsion) {
        double[] p = joint[i];
        double xi = y[2 * i];
        double yi = y[2 * i + 1];
        double z = 0;
        double attractX = 0;
        double attractY = 0;
        double repelX = 0;
        double repelY = 0;
        for (int j = 0; j < joint.length; j++) {
            double dx = xi - y[2 * j];
            double dy = yi - y[2 * j + 1];
            double kernel = 1 / (1 + dx * dx + dy * dy);
            double attract = p[j] * kernel;
            double repel = kernel * kernel;
            z += kernel;
            attractX += attract * dx;
            attractY += attract * dy;
            repelX += repel * dx;
            repelY += repel * dy;
        }
        attraction[2 * i] = attractX;
        attraction[2 * i + 1] = attractY;
        repulsion[2 * i] = repelX;
        repulsion[2 * i + 1] = repelY;
        // The j = i term, left in to keep the loop branch-free, adds nothing to the vector sums
        // (dx = dy = 0) and exactly 1 to z.
        return z - 1;
    }

    /** {@code KL(P ‖ Q) = Σ p_ij ln(p_ij / q_ij)} at {@code y}. */
    double klDivergence(double[] y) {
        int n = joint.length;
        double[][] kernel = new double[n][n];
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    double distance = 0;
                    for (int c = 0; c < dims; c++) {
                        double diff = y[i * dims + c] - y[j * dims + c];
                        distance += diff * diff;
                    }
                    kernel[i][j] = 1 / (1 + distance);
                    z += kernel[i][j];
                }
            }
        }
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    kl += joint[i][j] * Math.log(joint[i][j] / (kernel[i][j] / z));
                }
            }
        }
        return kl;
    }
}
