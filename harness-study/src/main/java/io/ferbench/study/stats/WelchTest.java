package io.ferbench.study.stats;

/**
 * Welch's unequal-variance t-test of two independent samples (Welch 1947): {@code t = (m₁ − m₂) / √(v₁/n₁ + v₂/n₂)}
 * with the Welch–Satterthwaite degrees of freedom, and its two-sided p-value from the t distribution. Each sample
 * needs at least two values. When neither sample varies, t is ±∞ (p = 0) for different means and undefined
 * (p = 1) for equal ones.
 *
 * @param meanDifference  {@code m₁ − m₂}
 */
public record WelchTest(int n1, int n2, double meanDifference, double t, double degreesOfFreedom, double p) {
    /** The significance level ferbench reports against. */
    public static final double ALPHA = 0.05;

    public static WelchTest of(double[] first, double[] second) {
        if (first.length < 2 || second.length < 2) {
            throw new IllegalArgumentException("Welch's t-test needs at least two values per sample, got "
                    + first.length + " and " + second.length + "; run the suite with repeats: 2 or more");
        }
        Summary a = Summary.of(first);
        Summary b = Summary.of(second);
        double va = a.sd() * a.sd() / a.n();
        double vb = b.sd() * b.sd() / b.n();
        double difference = a.mean() - b.mean();
        if (va + vb == 0) {
            return difference == 0 ? new WelchTest(a.n(), b.n(), 0, Double.NaN, Double.NaN, 1)
                    : new WelchTest(a.n(), b.n(), difference, Math.copySign(Double.POSITIVE_INFINITY, difference),
                    Double.NaN, 0);
        }
        double t = difference / Math.sqrt(va + vb);
        double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        return new WelchTest(a.n(), b.n(), difference, t, df, StudentT.twoSidedP(t, df));
    }

    /** p below {@link #ALPHA}. */
    public boolean significant() {
        return p < ALPHA;
    }
}
