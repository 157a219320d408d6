package io.ferbench.worker.data;

/**
 * Resizes a {@link Raster}, separably per axis: area averaging where an axis shrinks (every source pixel
 * contributes in proportion to the part of it an output pixel covers, so no aliasing), bilinear interpolation
 * with pixel-centre alignment where it grows (as PIL and OpenCV do with {@code align_corners=False}).
 */
final class Resampler {
    private Resampler() {
    }

    static Raster resize(Raster src, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("target size must be positive, not " + width + "x" + height);
        }
        if (src.width() == width && src.height() == height) {
            return src;
        }
        Weights horizontal = Weights.of(src.width(), width);
        Weights vertical = Weights.of(src.height(), height);
        int sw = src.width(), sh = src.height();
        float[] out = new float[src.channels() * width * height];
        float[] rows = new float[sh * width];
        for (int c = 0; c < src.channels(); c++) {
            int inBase = c * sw * sh;
            for (int y = 0; y < sh; y++) {
                horizontal.apply(src.values(), inBase + y * sw, 1, rows, y * width, 1);
            }
            int outBase = c * width * height;
            for (int x = 0; x < width; x++) {
                vertical.apply(rows, x, width, out, outBase + x, width);
            }
        }
        return new Raster(src.channels(), width, height, out);
    }

    /** For each output index along one axis: the first source index and the weights of consecutive sources. */
    private record Weights(int[] first, float[][] weights) {
        static Weights of(int sourceLength, int targetLength) {
            return targetLength < sourceLength ? area(sourceLength, targetLength) : bilinear(sourceLength, targetLength);
        }

        private static Weights area(int n, int m) {
            double scale = (double) n / m;
            int[] first = new int[m];
            float[][] weights = new float[m][];
            for (int i = 0; i < m; i++) {
                double lo = i * scale, hi = (i + 1) * scale;
                int start = (int) Math.floor(lo);
                int end = Math.min(n, (int) Math.ceil(hi));
                float[] w = new float[end - start];
                for (int k = start; k < end; k++) {
                    w[k - start] = (float) ((Math.min(hi, k + 1) - Math.max(lo, k)) / scale);
                }
                first[i] = start;
                weights[i] = w;
            }
            return new Weights(first, weights);
        }

        private static Weights bilinear(int n, int m) {
            double scale = (double) n / m;
            int[] first = new int[m];
            float[][] weights = new float[m][];
            for (int i = 0; i < m; i++) {
                double centre = Math.max(0, Math.min(n - 1, (i + 0.5) * scale - 0.5));
                int k0 = (int) Math.floor(centre);
                double t = centre - k0;
                if (k0 >= n - 1 || t == 0) {
                    first[i] = k0;
                    weights[i] = new float[] {1f};
                } else {
                    first[i] = k0;
                    weights[i] = new float[] {(float) (1 - t), (float) t};
                }
            }
            return new Weights(first, weights);
        }

        void apply(float[] in, int inOffset, int inStride, float[] out, int outOffset, int outStride) {
            for (int i = 0; i < first.length; i++) {
                float[] w = weights[i];
                int base = inOffset + first[i] * inStride;
                float sum = 0;
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * in[base + k * inStride];
                }
                out[outOffset + i * outStride] = sum;
            }
        }
    }
}
