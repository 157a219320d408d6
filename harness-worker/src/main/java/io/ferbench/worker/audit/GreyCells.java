package io.ferbench.worker.audit;

/** An image's grey values (the mean over channels) averaged into a grid of cells: the audit's downscaled copies. */
final class GreyCells {
    private GreyCells() {}

    /**
     * The mean grey value of each of {@code rows × columns} cells of image {@code offset} (NCHW, unsigned bytes),
     * row-major; each pixel falls in the cell its position scales to.
     */
    static double[] of(byte[] pixels, int offset, int channels, int height, int width, int rows, int columns) {
        double[] cells = new double[rows * columns];
        int[] counts = new int[rows * columns];
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            int row = Math.min(rows - 1, y * rows / height);
            for (int x = 0; x < width; x++) {
                int k = row * columns + Math.min(columns - 1, x * columns / width);
                for (int c = 0; c < channels; c++) cells[k] += pixels[offset + c * plane + y * width + x] & 0xFF;
                counts[k] += channels;
            }
        }
        for (int k = 0; k < cells.length; k++) cells[k] /= Math.max(1, counts[k]);
        return cells;
    }
}
