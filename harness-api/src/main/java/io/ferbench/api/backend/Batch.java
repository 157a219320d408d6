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

    /**
     * Checks that the batch has labels and that each is a class index below {@code classes}, naming the first that is
     * not: an engine's one-hot or gather would otherwise turn a bad label into a silent zero row or a native crash.
     */
    public void requireClassLabels(int classes) {
        if (labels == null) throw new IllegalArgumentException("the batch has no labels; a loss needs them");
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i
                        + " is not a class index in [0, " + classes + ")");
            }
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
