package io.ferbench.backend.reference;

/**
 * A batch of NCHW feature maps, or the gradient of one; a flat vector of {@code F} features per sample is
 * {@code F × 1 × 1}. Row-major: sample {@code i}, channel {@code c}, row {@code y}, column {@code x} is at
 * {@code ((i·channels + c)·height + y)·width + x}.
 *
 * @param data      {@code n·c·h·w} values
 * @param n         samples
 * @param channels  channels (or features)
 * @param height    rows
 * @param width     columns
 */
record Activation(float[] data, int n, int channels, int height, int width) {
    Activation {
        if ((long) n * channels * height * width != data.length) {
            throw new IllegalArgumentException(n + "x" + channels + "x" + height + "x" + width + " needs "
                    + (long) n * channels * height * width + " values, got " + data.length);
        }
    }

    /** Zeros of the given shape. */
    static Activation zeros(int n, int channels, int height, int width) {
        return new Activation(new float[n * channels * height * width], n, channels, height, width);
    }

    /** Zeros of this shape. */
    Activation zerosLike() {
        return zeros(n, channels, height, width);
    }

    /** Values of one sample's one channel (one feature map). */
    int plane() { return height * width; }

    /** Values of one sample. */
    int sample() { return channels * height * width; }

    /** Offset of sample {@code i}, channel {@code c}. */
    int offset(int i, int c) { return (i * channels + c) * plane(); }

    /** The same values seen as {@code [n, sample()]} vectors. */
    Activation flat() {
        return new Activation(data, n, sample(), 1, 1);
    }

    /** Whether {@code other} has this shape. */
    boolean sameShape(Activation other) {
        return n == other.n && channels == other.channels && height == other.height && width == other.width;
    }
}
