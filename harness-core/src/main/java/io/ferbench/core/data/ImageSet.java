package io.ferbench.core.data;

/**
 * Images of one split, stored compactly as unsigned bytes (0..255), NCHW per image, with labels.
 * Normalised float batches are made on demand so a 224×224 dataset fits in memory.
 */
public record ImageSet(byte[] pixels, int[] labels, int channels, int height, int width) {
    public ImageSet {
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException("pixel count does not match " + labels.length + " images of "
                    + channels + "x" + height + "x" + width);
        }
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
