package io.ferbench.worker.augment;

import io.ferbench.api.cell.AugmentationSpec;
import java.util.SplittableRandom;

/**
 * Augments training images with a profile's random transforms. The transform of an image depends only on the cell
 * seed, the epoch and the image's position in that epoch's order, so it is the same on every backend and at every
 * batch size, and a repeated image (oversampling) gets its own transform.
 */
public final class Augmenter {
    private final AugmentationSpec spec;
    private final long seed;

    public Augmenter(AugmentationSpec spec, long seed) {
        this.spec = spec;
        this.seed = seed;
    }

    /** Whether the profile changes anything; when not, callers skip the work. */
    public boolean active() {
        return !spec.isIdentity();
    }

    /** The transform of the image at {@code position} (from 0) of epoch {@code epoch} (from 1). */
    public ImageTransform transform(int epoch, int position) {
        return active() ? ImageTransform.sample(spec, random(epoch, position)) : ImageTransform.IDENTITY;
    }

    private SplittableRandom random(int epoch, int position) {
        // distinct, well-mixed start values per (seed, epoch, position); SplittableRandom mixes further
        long mixed = seed * 0x9E3779B97F4A7C15L + epoch * 0xD1B54A32D192ED03L + position * 0xBF58476D1CE4E5B9L
                + 0x632BE59BD9B4E019L;
        return new SplittableRandom(mixed);
    }
}
