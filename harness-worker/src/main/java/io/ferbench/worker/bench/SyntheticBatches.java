package io.ferbench.worker.bench;

import io.ferbench.api.backend.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random batches, already normalised (standard normal pixels, uniform labels): a step's cost does not depend
 * on what the pixels show, and random values keep an engine from taking a shortcut on constant input. The same seed
 * gives the same batches in every JVM and on every backend. A few distinct batches are cycled, so that no backend
 * sees the very same array twice in a row, and all are made before the clock starts.
 */
public final class SyntheticBatches {
    /** Distinct batches cycled through. */
    static final int DISTINCT = 4;

    private SyntheticBatches() {}

    public static List<Batch> of(BenchParams p) {
        SplittableRandom random = new SplittableRandom(p.seed());
        int pixels = BenchParams.CHANNELS * p.imageSize() * p.imageSize();
        List<Batch> batches = new ArrayList<>();
        for (int b = 0; b < Math.min(DISTINCT, p.steps()); b++) {
            float[] images = new float[p.batchSize() * pixels];
            for (int i = 0; i < images.length; i++) images[i] = (float) gaussian(random);
            int[] labels = new int[p.batchSize()];
            for (int i = 0; i < labels.length; i++) labels[i] = random.nextInt(BenchParams.CLASSES);
            batches.add(new Batch(images, labels, p.batchSize(), BenchParams.CHANNELS, p.imageSize(), p.imageSize()));
        }
        return batches;
    }

    /** Box–Muller, written out: {@link java.util.Random#nextGaussian()}'s algorithm differs between JDK releases. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
