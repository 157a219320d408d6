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

    /**
     * Where each window offset reads, on a plane of {@code height × width}: {@code taps[ky·kernel + kx][oy·outW + ox]}
     * is the input position {@code iy·width + ix} that output {@code (oy, ox)} reads at offset {@code (ky, kx)}, or
     * −1 where that falls in the padding. Forward and backward passes walk the same table.
     */
    int[][] taps(int height, int width) {
        int outHeight = outputSize(height);
        int outWidth = outputSize(width);
        int[][] taps = new int[kernel * kernel][outHeight * outWidth];
        for (int ky = 0; ky < kernel; ky++) {
            for (int kx = 0; kx < kernel; kx++) {
                int[] tap = taps[ky * kernel + kx];
                for (int oy = 0; oy < outHeight; oy++) {
                    int iy = oy * stride - padding + ky;
                    for (int ox = 0; ox < outWidth; ox++) {
                        int ix = ox * stride - padding + kx;
                        boolean inside = iy >= 0 && iy < height && ix >= 0 && ix < width;
                        tap[oy * outWidth + ox] = inside ? iy * width + ix : -1;
                    }
                }
            }
        }
        return taps;
    }
}
