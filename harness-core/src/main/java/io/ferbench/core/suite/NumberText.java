package io.ferbench.core.suite;

import java.math.BigDecimal;
import java.util.Locale;

/** Short, exact decimal text for numbers in messages and cell ids: {@code 0.001}, {@code 1e-9}, {@code 32}. */
final class NumberText {
    private NumberText() {
    }

    static String of(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e7) {
            return Long.toString((long) value);
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e7) {
            return exact.toPlainString();
        }
        // Scientific without the '+' and upper-case E that BigDecimal writes: 1e-9, 2.5e7.
        return exact.toString().toLowerCase(Locale.ROOT).replace("e+", "e");
    }

    static String of(Object value) {
        if (value instanceof Double d) {
            return of(d.doubleValue());
        }
        return String.valueOf(value);
    }
}
