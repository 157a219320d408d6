package io.ferbench.worker.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Deterministic orders derived from the cell seed, so every backend sees the same images in the same
 * order: the shuffle of each epoch, and fixed samples (training-accuracy sample, t-SNE sample).
 */
public final class SeededOrder {
    /** Keeps the random streams of different uses apart for the same seed. */
    public enum Stream { EPOCH_SHUFFLE, TRAIN_ACCURACY_SAMPLE, FEATURE_SAMPLE, OVERSAMPLE }

    private SeededOrder() {}

    /** The order in which epoch {@code epoch} (from 1) visits {@code n} training images. */
    public static int[] epochPermutation(int n, long seed, int epoch) {
        int[] order = identity(n);
        shuffle(order, random(seed, Stream.EPOCH_SHUFFLE, epoch));
        return order;
    }

    /** {@code k} distinct indices out of {@code n} (all of them when {@code k >= n}), ascending. */
    public static int[] sample(int n, int k, long seed, Stream stream) {
        int[] order = identity(n);
        if (k >= n) return order;
        shuffle(order, random(seed, stream, 0));
        int[] chosen = Arrays.copyOf(order, k);
        Arrays.sort(chosen);
        return chosen;
    }

    static SplittableRandom random(long seed, Stream stream, int round) {
        // Distinct, well-mixed start values per (seed, stream, round); SplittableRandom mixes further.
        long mixed = seed * 0x9E3779B97F4A7C15L + (stream.ordinal() + 1L) * 0xBF58476D1CE4E5B9L + round * 0x94D049BB133111EBL;
        return new SplittableRandom(mixed);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }

    /** Fisher–Yates. */
    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
