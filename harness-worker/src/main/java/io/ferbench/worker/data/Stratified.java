package io.ferbench.worker.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The seeded randomness behind per-class choices and splits. Each (seed, class, purpose) gets its own generator,
 * so that adding a class or changing a cap elsewhere leaves the other classes' choices unchanged.
 */
final class Stratified {
    /** The study's split: 20 % of a class to test, then 20 % of the rest to validation. */
    static final double HOLD_OUT_FRACTION = 0.2;

    private Stratified() {
    }

    /** A new list with the elements in a random order determined by {@code seed} and the labels. */
    static <T> List<T> shuffled(List<T> items, long seed, String... labels) {
        List<T> copy = new ArrayList<>(items);
        SplittableRandom random = new SplittableRandom(mix(seed, labels));
        for (int i = copy.size() - 1; i > 0; i--) {
            Collections.swap(copy, i, random.nextInt(i + 1));
        }
        return copy;
    }

    /** A 64-bit seed for the labels; stable across runs and JVMs. */
    static long mix(long seed, String... labels) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (String label : labels) {
            for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ b) * 0x100000001B3L;
            }
            h = murmurMix(h + 0x632BE59BD9B4E019L);
        }
        return murmurMix(h);
    }

    private static long murmurMix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** How many of {@code n} images of one class are held out: 20 %, rounded half up. */
    static int holdOutCount(int n) {
        return (int) Math.floor(n * HOLD_OUT_FRACTION + 0.5);
    }

    /**
     * Splits {@code total} over groups in proportion to their sizes (largest remainder), never giving a group
     * more than it has. Used to cap a class while keeping the dataset's own split proportions.
     */
    static int[] allocate(int total, int[] sizes) {
        long sum = 0;
        for (int s : sizes) {
            sum += s;
        }
        int[] quota = new int[sizes.length];
        if (total >= sum) {
            return sizes.clone();
        }
        double[] remainder = new double[sizes.length];
        int given = 0;
        for (int i = 0; i < sizes.length; i++) {
            double exact = (double) total * sizes[i] / sum;
            quota[i] = (int) Math.floor(exact);
            remainder[i] = exact - quota[i];
            given += quota[i];
        }
        while (given < total) {
            int best = -1;
            for (int i = 0; i < sizes.length; i++) {
                if (quota[i] < sizes[i] && (best < 0 || remainder[i] > remainder[best])) {
                    best = i;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            given++;
        }
        return quota;
    }
}
