package io.ferbench.study.stats;

/**
 * Student's t distribution with {@code ν > 0} degrees of freedom (ν need not be whole: Welch's test gives fractional
 * ones). The CDF is {@code 1 − ½·I_{ν/(ν+t²)}(ν/2, ½)} for {@code t > 0}, by symmetry below 0.
 */
public final class StudentT {
    private StudentT() {}

    /** P(T ≤ t). */
    public static double cdf(double t, double degreesOfFreedom) {
        checkDegrees(degreesOfFreedom);
        if (Double.isNaN(t)) throw new IllegalArgumentException("t must be a number, got NaN");
        if (t == Double.POSITIVE_INFINITY) return 1;
        if (t == Double.NEGATIVE_INFINITY) return 0;
        double tail = 0.5 * IncompleteBeta.regularized(degreesOfFreedom / 2, 0.5,
                degreesOfFreedom / (degreesOfFreedom + t * t));
        return t > 0 ? 1 - tail : tail;
    }

    /** P(|T| ≥ |t|): the two-sided p-value of a t statistic. */
    public static double twoSidedP(double t, double degreesOfFreedom) {
        checkDegrees(degreesOfFreedom);
        if (Double.isInfinite(t)) return 0;
        return IncompleteBeta.regularized(degreesOfFreedom / 2, 0.5, degreesOfFreedom / (degreesOfFreedom + t * t));
    }

    /** The t with P(T ≤ t) = p, by bisection on the CDF to full double precision. */
    public static double quantile(double p, double degreesOfFreedom) {
        checkDegrees(degreesOfFreedom);
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("a quantile needs 0 < p < 1, got " + p);
        if (p == 0.5) return 0;
        if (p < 0.5) return -quantile(1 - p, degreesOfFreedom);
        double lo = 0;
        double hi = 1;
        while (cdf(hi, degreesOfFreedom) < p) {
            lo = hi;
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > Math.ulp(hi); i++) {
            double mid = 0.5 * (lo + hi);
            if (cdf(mid, degreesOfFreedom) < p) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static void checkDegrees(double degreesOfFreedom) {
        if (!(degreesOfFreedom > 0) || Double.isInfinite(degreesOfFreedom)) {
            throw new IllegalArgumentException("the t distribution needs degrees of freedom > 0, got "
                    + degreesOfFreedom);
        }
    }
}
