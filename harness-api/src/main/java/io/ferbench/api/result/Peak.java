package io.ferbench.api.result;

import io.ferbench.api.backend.GemmKernel;

/**
 * The fp32 throughput a cell's share of peak is relative to.
 *
 * @param gflops      billions of floating-point operations per second
 * @param source      {@code measured:<backend id>}: the backend's own square fp32 matrix product, through the fastest
 *                    of its engine's kernels ({@link GemmKernel}), on the cell's device and thread count
 *                    ({@code ferbench run --recalibrate} measures again); {@code given}: the user's
 *                    {@code --peak-gflops}
 * @param matrixSize  the matrices' order n of the measured product, null when given
 * @param kernel      the engine kernel that reached the peak, null when given
 */
public record Peak(double gflops, String source, Integer matrixSize, GemmKernel kernel) {
    public static final String GIVEN = "given";
    private static final String MEASURED = "measured:";

    public Peak {
        if (!(gflops > 0) || Double.isInfinite(gflops)) {
            throw new IllegalArgumentException("a peak must be a positive number of GFLOP/s, got " + gflops);
        }
    }

    /** The user's figure ({@code --peak-gflops}). */
    public static Peak given(double gflops) { return new Peak(gflops, GIVEN, null, null); }

    /** What {@code backend}'s fastest kernel reached on a product of order {@code n}. */
    public static Peak measured(String backend, double gflops, int n, GemmKernel kernel) {
        return new Peak(gflops, MEASURED + backend, n, kernel);
    }

    public boolean wasMeasured() { return source.startsWith(MEASURED); }

    /** How a reader should name the yardstick: "the djl backend's own fp32 matrix product, measured (…)". */
    public String describe() {
        String figure = String.format(java.util.Locale.ROOT, "%,.1f GFLOP/s", gflops);
        return wasMeasured()
                ? "the " + source.substring(MEASURED.length()) + " backend's own fp32 matrix product, measured ("
                        + figure + ", n = " + matrixSize + (kernel == null ? "" : ", its " + kernel.description())
                        + ")"
                : "the peak given with --peak-gflops (" + figure + ")";
    }
}
