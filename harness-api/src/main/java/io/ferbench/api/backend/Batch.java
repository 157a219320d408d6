package io.ferbench.api.backend;

/**
 * A batch of images in NCHW float32 layout with their class indices.
 *
 * @param images   {@code size * channels * height * width} values, NCHW
 * @param labels   {@code size} class indices (may be null for prediction)
 */
public record Batch(float[] images, int[] labels, int size, int channels, int height, int width) {
    public Batch {
        if ((long) size * channels * height * width != images.length) {
            throw new IllegalArgumentException("batch of " + size + "x" + channels + "x" + height + "x" + width
                    + " needs " + ((long) size * channels * height * width) + " values, got " + images.length);
        }
        if (labels != null && labels.length != size) {
            throw new IllegalArgumentException(size + " images but " + labels.length + " labels");
        }
    }

    /** Images {@code [from, to)} of this batch, copied. */
    public Batch slice(int from, int to) {
        if (from < 0 || to > size || from >= to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of a batch of " + size);
        }
        int len = channels * height * width;
        float[] part = java.util.Arrays.copyOfRange(images, from * len, to * len);
        return new Batch(part, labels == null ? null : java.util.Arrays.copyOfRange(labels, from, to), to - from,
                channels, height, width);
    }
}
