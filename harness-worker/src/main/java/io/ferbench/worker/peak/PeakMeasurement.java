package io.ferbench.worker.peak;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.GemmKernel;
import io.ferbench.api.backend.Matmul;
import io.ferbench.worker.train.Percentiles;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Times a backend's square fp32 matrix product through each kernel its engine offers ({@link GemmKernel}: its matrix
 * multiply, its 1×1 convolution), JMH-style, and keeps the fastest: for each kernel the order n doubles from
 * {@value #FIRST_SIZE} until one product takes at least {@value #MIN_PRODUCT_SECONDS} s (or n reaches the device's
 * cap), so that the product is large enough for the engine's best code and the clock (judged on a product after a
 * first, start-up one); then warm-up runs, then timed runs, whose median is that kernel's figure.
 */
public final class PeakMeasurement {
    static final int FIRST_SIZE = 256;
    static final double MIN_PRODUCT_SECONDS = 0.05;
    static final int CPU_MAX_SIZE = 2048;
    static final int GPU_MAX_SIZE = 8192;
    static final int WARMUP_RUNS = 3;
    static final int MAX_TIMED_RUNS = 10;
    static final int MIN_TIMED_RUNS = 3;
    static final double TIMED_BUDGET_SECONDS = 3;

    /**
     * What the timed runs of the fastest kernel gave.
     *
     * @param byKernel  every measured kernel's figure in GFLOP/s, the fastest included
     */
    public record Outcome(GemmKernel kernel, int size, double gflops, double[] runSeconds,
                          Map<GemmKernel, Double> byKernel) {}

    private PeakMeasurement() {}

    /**
     * Measures every kernel {@code backend} offers and keeps the fastest; empty when it has no matrix multiply.
     *
     * @param gpu  whether the backend runs on a GPU (larger products before the clock is long enough)
     */
    public static Optional<Outcome> measure(Backend backend, boolean gpu) {
        Outcome fastest = null;
        Map<GemmKernel, Double> byKernel = new EnumMap<>(GemmKernel.class);
        for (GemmKernel kernel : GemmKernel.values()) {
            Optional<Outcome> measured = measure(backend, kernel, gpu);
            if (measured.isEmpty()) {
                if (kernel == GemmKernel.MATRIX_MULTIPLY) return Optional.empty();
                continue;
            }
            byKernel.put(kernel, measured.get().gflops());
            if (fastest == null || measured.get().gflops() > fastest.gflops()) fastest = measured.get();
        }
        return Optional.of(new Outcome(fastest.kernel(), fastest.size(), fastest.gflops(), fastest.runSeconds(),
                Map.copyOf(byKernel)));
    }

    /** One kernel's figure; empty when the backend does not offer it. */
    private static Optional<Outcome> measure(Backend backend, GemmKernel kernel, boolean gpu) {
        int cap = gpu ? GPU_MAX_SIZE : CPU_MAX_SIZE;
        int n = FIRST_SIZE;
        while (true) {
            Optional<Matmul> prepared = backend.matmul(matrix(n, 1), matrix(n, 2), n, kernel);
            if (prepared.isEmpty()) return Optional.empty();
            try (Matmul matmul = prepared.get()) {
                // a first product pays for start-up (kernel selection, JIT, page faults): the second one decides
                time(matmul);
                double warm = time(matmul);
                if (warm < MIN_PRODUCT_SECONDS && n < cap) {
                    n *= 2;
                    continue;
                }
                for (int i = 2; i < WARMUP_RUNS; i++) time(matmul);
                List<Double> runs = new ArrayList<>();
                double spent = 0;
                while (runs.size() < MAX_TIMED_RUNS && (runs.size() < MIN_TIMED_RUNS || spent < TIMED_BUDGET_SECONDS)) {
                    double s = time(matmul);
                    runs.add(s);
                    spent += s;
                }
                double[] seconds = runs.stream().mapToDouble(Double::doubleValue).toArray();
                double gflops = gflops(n, Percentiles.median(seconds));
                return Optional.of(new Outcome(kernel, n, gflops, seconds, Map.of(kernel, gflops)));
            }
        }
    }

    /** {@code 2 n³} floating-point operations in {@code seconds}, in GFLOP/s. */
    static double gflops(int n, double seconds) {
        return 2.0 * n * n * (double) n / seconds / 1e9;
    }

    private static double time(Matmul matmul) {
        long start = System.nanoTime();
        matmul.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /** Seeded values in [-0.5, 0.5): the same matrices on every backend. */
    private static float[] matrix(int n, long seed) {
        Random random = new Random(seed);
        float[] values = new float[n * n];
        for (int i = 0; i < values.length; i++) values[i] = random.nextFloat() - 0.5f;
        return values;
    }
}
