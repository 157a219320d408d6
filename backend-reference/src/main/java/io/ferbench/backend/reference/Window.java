package io.ferbench.backend.reference;

/**
 * A square sliding window (convolution, max pooling) with PyTorch's geometry: padding on both sides, floor rounding.
 *
 * @param kernel   side of the window
 * @param stride   step between windows
 * @param padding  rows and columns added on each side
 */
record Window(int kernel, int stride, int padding) {
    /** Output length along an axis of {@code size} inputs. */
    int outputSize(int size) {
        return (size + 2 * padding - kernel) / stride + 1;
    }

    /** The input coordinate read by output {@code o} at window offset {@code k}; may fall in the padding. */
    int input(int o, int k) {
        return o * stride - padding + k;
    }
}
