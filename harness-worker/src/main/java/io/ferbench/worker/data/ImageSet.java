package io.ferbench.worker.data;

import java.util.List;

/**
 * Images of one split, stored compactly as unsigned bytes (0..255), NCHW per image, with labels.
 * Normalised float batches are made on demand so a 224×224 dataset fits in memory.
 *
 * @param origins  where each image came from (for the dataset audit), in image order; empty when unknown
 */
public record ImageSet(byte[] pixels, int[] labels, int channels, int height, int width, List<ImageOrigin> origins) {
    public ImageSet {
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException("pixel count does not match " + labels.length + " images of "
                    + channels + "x" + height + "x" + width);
        }
        origins = origins == null ? List.of() : List.copyOf(origins);
        if (!origins.isEmpty() && origins.size() != labels.length) {
            throw new IllegalArgumentException(origins.size() + " origins for " + labels.length + " images");
        }
    }

    /** Images whose origins are not known (made in memory). */
    public ImageSet(byte[] pixels, int[] labels, int channels, int height, int width) {
        this(pixels, labels, channels, height, width, List.of());
    }

    public int size() { return labels.length; }

    public int imageLength() { return channels * height * width; }

    /** Copies image {@code i} as normalised floats ((v/255 - mean) / std) into {@code out} at {@code offset}. */
    public void normalisedInto(int i, float mean, float std, float[] out, int offset) {
        int len = imageLength();
        int base = i * len;
        float inv = 1f / std;
        for (int k = 0; k < len; k++) {
            out[offset + k] = ((pixels[base + k] & 0xFF) / 255f - mean) * inv;
        }
    }
}
