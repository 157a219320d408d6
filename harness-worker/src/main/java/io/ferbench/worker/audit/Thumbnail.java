package io.ferbench.worker.audit;

/**
 * A 16×16 area-averaged grey thumbnail, centred and scaled to unit length, so that the dot product of two is their
 * Pearson correlation: insensitive to brightness and contrast changes, tolerant of a pixel's shift and of
 * re-encoding, but low for two different faces.
 */
final class Thumbnail {
    static final int SIDE = 16;

    private Thumbnail() {}

    static float[] of(byte[] pixels, int offset, int channels, int height, int width) {
        double[] cells = GreyCells.of(pixels, offset, channels, height, width, SIDE, SIDE);
        double mean = 0;
        for (double cell : cells) mean += cell / cells.length;
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
