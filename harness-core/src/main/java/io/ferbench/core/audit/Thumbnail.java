package io.ferbench.core.audit;

/**
 * A 16×16 area-averaged grey thumbnail, centred and scaled to unit length, so that the dot product of two is their
 * Pearson correlation: insensitive to brightness and contrast changes, tolerant of a pixel's shift and of
 * re-encoding, but low for two different faces.
 */
final class Thumbnail {
    static final int SIDE = 16;

    private Thumbnail() {}

    static float[] of(byte[] pixels, int offset, int channels, int height, int width) {
        double[] cells = new double[SIDE * SIDE];
        double[] weights = new double[SIDE * SIDE];
        for (int y = 0; y < height; y++) {
            int row = Math.min(SIDE - 1, y * SIDE / height);
            for (int x = 0; x < width; x++) {
                int column = Math.min(SIDE - 1, x * SIDE / width);
                double value = 0;
                for (int c = 0; c < channels; c++) value += pixels[offset + (c * height + y) * width + x] & 0xFF;
                cells[row * SIDE + column] += value / channels;
                weights[row * SIDE + column]++;
            }
        }
        double mean = 0;
        for (int k = 0; k < cells.length; k++) {
            cells[k] /= Math.max(1, weights[k]);
            mean += cells[k] / cells.length;
        }
        double norm = 0;
        for (int k = 0; k < cells.length; k++) {
            cells[k] -= mean;
            norm += cells[k] * cells[k];
        }
        float[] out = new float[cells.length];
        if (norm == 0) return out;  // a constant image correlates with nothing
        double scale = 1 / Math.sqrt(norm);
        for (int k = 0; k < cells.length; k++) out[k] = (float) (cells[k] * scale);
        return out;
    }

    /** The Pearson correlation of the two images' thumbnails (0 when either is constant). */
    static double correlation(float[] a, float[] b) {
        double dot = 0;
        for (int k = 0; k < a.length; k++) dot += a[k] * b[k];
        return dot;
    }
}
