package io.ferbench.study.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The t distribution against closed forms and the published critical values of textbook t tables. */
class StudentTTest {

    @Test
    void cdfMatchesTheClosedFormsForOneAndTwoDegreesOfFreedom() {
        for (double t = -12; t <= 12; t += 0.37) {
            // ν = 1 is the Cauchy distribution; ν = 2 has F(t) = 1/2 + t / (2√(2 + t²))
            assertEquals(0.5 + Math.atan(t) / Math.PI, StudentT.cdf(t, 1), 1e-13, "ν = 1, t = " + t);
            assertEquals(0.5 + t / (2 * Math.sqrt(2 + t * t)), StudentT.cdf(t, 2), 1e-13, "ν = 2, t = " + t);
        }
        // ν = 3: F(t) = 1/2 + (1/π)[t/(√3(1 + t²/3)) + atan(t/√3)]
        double t = 1.7;
        assertEquals(0.5 + (t / (Math.sqrt(3) * (1 + t * t / 3)) + Math.atan(t / Math.sqrt(3))) / Math.PI,
                StudentT.cdf(t, 3), 1e-13);
    }

    @Test
    void quantilesAreTheTwoSidedFivePercentCriticalValuesOfTTables() {
        // t(0.975, ν) as printed to three decimals in standard tables (e.g. NIST/SEMATECH e-Handbook, table 1.4.2.10)
        double[][] table = {{1, 12.706}, {2, 4.303}, {3, 3.182}, {4, 2.776}, {5, 2.571}, {10, 2.228}, {20, 2.086},
            {30, 2.042}, {100, 1.984}};
        for (double[] row : table) {
            assertEquals(row[1], StudentT.quantile(0.975, row[0]), 0.0005, "ν = " + row[0]);
        }
        assertEquals(-12.706, StudentT.quantile(0.025, 1), 0.0005);
        assertEquals(1.960, StudentT.quantile(0.975, 1e7), 0.0005, "large ν: the normal distribution");
        assertEquals(0, StudentT.quantile(0.5, 7));
    }

    @Test
    void quantileInvertsTheCdfAndTheTwoSidedPIsBothTails() {
        for (double df : new double[] {1, 2.5, 9.9, 24.99, 300}) {
            for (double p : new double[] {0.001, 0.05, 0.3, 0.9, 0.999}) {
                assertEquals(p, StudentT.cdf(StudentT.quantile(p, df), df), 1e-12, "df " + df + ", p " + p);
            }
            assertEquals(2 * StudentT.cdf(-1.3, df), StudentT.twoSidedP(1.3, df), 1e-14);
        }
    }

    @Test
    void badArgumentsAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> StudentT.cdf(1, 0));
        assertThrows(IllegalArgumentException.class, () -> StudentT.quantile(1, 3));
        assertThrows(IllegalArgumentException.class, () -> IncompleteBeta.regularized(1, 1, 1.5));
        assertEquals(0.3, IncompleteBeta.regularized(1, 1, 0.3), 1e-15, "I_x(1, 1) = x");
        assertEquals(1 - Math.pow(0.6, 3), IncompleteBeta.regularized(1, 3, 0.4), 1e-14, "I_x(1, b) = 1 - (1-x)^b");
        assertEquals(Math.log(24), LogGamma.of(5), 1e-14);
        assertEquals(0.5 * Math.log(Math.PI), LogGamma.of(0.5), 1e-14);
    }
}
