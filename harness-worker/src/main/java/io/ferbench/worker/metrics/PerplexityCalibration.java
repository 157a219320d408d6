package io.ferbench.worker.metrics;

/**
 * The conditional neighbour distribution of t-SNE (van der Maaten and Hinton 2008, section 2):
 * {@code p(j|i) ∝ exp(-β_i · ‖x_i − x_j‖²)}, with the precision {@code β_i} found by bisection so
 * that the distribution's Shannon entropy equals {@code ln(perplexity)} (in nats) to within
 * {@link #ENTROPY_TOLERANCE}. Perplexity is thus the effective number of neighbours.
 */
public final class PerplexityCalibration {
    /** Accepted distance of the row entropy from {@code ln(perplexity)}, in nats. */
    public static final double ENTROPY_TOLERANCE = 1e-5;
    /** Bisection steps; β moves by a factor of 2 per step until bracketed, so this spans β in 2^±100. */
    static final int MAX_STEPS = 200;

    private PerplexityCalibration() {}

    /**
     * The calibrated conditional distribution of one point.
     *
     * @param squaredDistances squared distances from point {@code self} to every point (finite, >= 0)
     * @param self             the index of the point itself, which gets probability 0
     * @param perplexity       target perplexity, in {@code [1, squaredDistances.length - 1]}
     * @return {@code p(j|self)} for every j, summing to 1
     */
    public static double[] conditionalRow(double[] squaredDistances, int self, double perplexity) {
        int n = squaredDistances.length;
        if (n < 2 || self < 0 || self >= n) {
            throw new IllegalArgumentException("need a distance row of at least 2 points and a self index inside it; got "
                    + n + " distances and self = " + self);
        }
        requirePerplexity(perplexity, n);
        // Shifting by the nearest distance leaves the normalised distribution unchanged and keeps
        // the nearest neighbour's weight at exp(0) = 1, so the sum never underflows to zero.
        double nearest = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (j != self) {
                nearest = Math.min(nearest, squaredDistances[j]);
            }
        }
        double target = Math.log(perplexity);
        double beta = 1;
        double low = 0;
        double high = Double.POSITIVE_INFINITY;
        double[] p = new double[n];
        double sum = 0;
        for (int step = 0; step < MAX_STEPS; step++) {
            sum = 0;
            double weightedDistance = 0;
            for (int j = 0; j < n; j++) {
                if (j == self) {
                    continue;
                }
                double shifted = squaredDistances[j] - nearest;
                p[j] = Math.exp(-beta * shifted);
                sum += p[j];
                weightedDistance += shifted * p[j];
            }
            double entropy = Math.log(sum) + beta * weightedDistance / sum;
            double excess = entropy - target;
            if (Math.abs(excess) < ENTROPY_TOLERANCE) {
                break;
            }
            if (excess > 0) { // too spread out: sharpen
                low = beta;
                beta = high == Double.POSITIVE_INFINITY ? beta * 2 : (beta + high) / 2;
            } else {          // too concentrated: widen
                high = beta;
                beta = (beta + low) / 2;
            }
        }
        for (int j = 0; j < n; j++) {
            p[j] /= sum;
        }
        p[self] = 0;
        return p;
    }

    /** Perplexity must be at least 1 (one neighbour) and at most the number of other points. */
    static void requirePerplexity(double perplexity, int points) {
        if (!(perplexity >= 1 && perplexity <= points - 1)) {
            throw new IllegalArgumentException("perplexity " + perplexity + " is outside [1, " + (points - 1) + "] for "
                    + points + " points: it is the effective number of neighbours, so it must be at least 1 and less than"
                    + " the number of points (typical values are 5..50; see Tsne.defaultPerplexity)");
        }
    }
}
