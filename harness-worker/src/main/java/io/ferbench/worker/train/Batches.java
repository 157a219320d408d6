package io.ferbench.worker.train;

import io.ferbench.api.backend.Batch;
import io.ferbench.worker.data.ImageSet;

/**
 * Builds normalised NCHW float batches from a byte-encoded {@link ImageSet}, using the training
 * split's mean and standard deviation for every split.
 */
public final class Batches {
    private final ImageSet images;
    private final float mean;
    private final float std;

    public Batches(ImageSet images, float mean, float std) {
        if (!(std > 0) || !Float.isFinite(std)) {
            throw new IllegalArgumentException("the normalisation standard deviation must be positive and finite, got "
                    + std + " (a training split whose pixels are all equal cannot be normalised)");
        }
        this.images = images;
        this.mean = mean;
        this.std = std;
    }

    public ImageSet images() { return images; }

    /** The batch of the images {@code order[from..to)}, with labels. */
    public Batch make(int[] order, int from, int to) {
        int size = to - from;
        int len = images.imageLength();
        float[] pixels = new float[size * len];
        int[] labels = new int[size];
        for (int k = 0; k < size; k++) {
            int i = order[from + k];
            images.normalisedInto(i, mean, std, pixels, k * len);
            labels[k] = images.labels()[i];
        }
        return new Batch(pixels, labels, size, images.channels(), images.height(), images.width());
    }

    /** A batch of exactly {@code size} images, cycling through the set when it holds fewer. */
    public Batch cyclic(int size) {
        if (images.size() == 0) throw new IllegalArgumentException("cannot build a batch from an empty image set");
        int[] order = new int[size];
        for (int k = 0; k < size; k++) order[k] = k % images.size();
        return make(order, 0, size);
    }
}
