package io.ferbench.worker.train;

import io.ferbench.api.backend.Batch;
import io.ferbench.worker.augment.Augmenter;
import io.ferbench.worker.augment.ImageTransform;
import io.ferbench.worker.data.ImageSet;

/**
 * The batches of the training steps: images in the epoch's order, each augmented (when the cell asks for it) by the
 * transform its epoch and position draw, then normalised with the training split's mean and standard deviation.
 * Evaluation passes (validation, training accuracy, test) never augment; they use {@link Batches}.
 */
public final class TrainingBatches {
    private final Batches plain;
    private final Augmenter augmenter;
    private final float mean;
    private final float std;

    public TrainingBatches(ImageSet images, float mean, float std, Augmenter augmenter) {
        this.plain = new Batches(images, mean, std);
        this.augmenter = augmenter;
        this.mean = mean;
        this.std = std;
    }

    /** The batch of the images {@code order[from..to)} of epoch {@code epoch}. */
    public Batch make(int[] order, int from, int to, int epoch) {
        if (!augmenter.active()) {
            return plain.make(order, from, to);
        }
        ImageSet images = plain.images();
        int size = to - from;
        int len = images.imageLength();
        float[] raw = new float[len];
        float[] pixels = new float[size * len];
        int[] labels = new int[size];
        float inv = 1f / std;
        for (int k = 0; k < size; k++) {
            int i = order[from + k];
            int base = i * len;
            for (int p = 0; p < len; p++) raw[p] = (images.pixels()[base + p] & 0xFF) / 255f;
            ImageTransform transform = augmenter.transform(epoch, from + k);
            transform.apply(raw, 0, images.channels(), images.height(), images.width(), pixels, k * len);
            for (int p = k * len; p < (k + 1) * len; p++) pixels[p] = (pixels[p] - mean) * inv;
            labels[k] = images.labels()[i];
        }
        return new Batch(pixels, labels, size, images.channels(), images.height(), images.width());
    }
}
