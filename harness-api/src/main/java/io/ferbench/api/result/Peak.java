package io.ferbench.api.result;

/**
 * The fp32 throughput a cell's share of peak is relative to.
 *
 * @param gflops      billions of floating-point operations per second
 * @param source      {@code measured:<backend id>}: the backend's own square matrix multiply on the cell's device and
 *                    thread count ({@code ferbench run --recalibrate} measures again); {@code given}: the user's
 *                    {@code --peak-gflops}
 * @param matrixSize  the matrices' order n of the measured product, null when given
 */
public record Peak(double gflops, String source, Integer matrixSize) {
    public static final String GIVEN = "given";
    private static final String MEASURED = "measured:";

    public Peak {
        if (!(gflops > 0) || Double.isInfinite(gflops)) {
            throw new IllegalArgumentException("a peak must be a positive number of GFLOP/s, got " + gflops);
        }
    }

    /** The user's figure ({@code --peak-gflops}). */
    public static Peak given(double gflops) { return new Peak(gflops, GIVEN, null); }

    /** What {@code backend}'s own matrix multiply of order {@code n} reached. */
    public static Peak measured(String backend, double gflops, int n) { return new Peak(gflops, MEASURED + backend, n); }

    public boolean wasMeasured() { return source.startsWith(MEASURED); }

    /** How a reader should name the yardstick: "DJL's measured GEMM peak (1,234 GFLOP/s)". */
    public String describe() {
        String figure = String.format(java.util.Locale.ROOT, "%,.1f GFLOP/s", gflops);
        return wasMeasured()
                ? "the " + source.substring(MEASURED.length()) + " backend's own fp32 matrix multiply, measured ("
                        + figure + ", n = " + matrixSize + ")"
                : "the peak given with --peak-gflops (" + figure + ")";
    }
}
