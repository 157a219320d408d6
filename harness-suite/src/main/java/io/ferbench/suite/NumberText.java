package io.ferbench.suite;

import java.math.BigDecimal;

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
        // Scientific, written as people write it: 1e-9, 2.5e7 (BigDecimal would write 0.00001 or 2.5E+7).
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "e" + exponent;
    }

    static String of(Object value) {
        if (value instanceof Double d) {
            return of(d.doubleValue());
        }
        return String.valueOf(value);
    }
}
