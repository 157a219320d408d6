package io.ferbench.worker.audit;

/**
 * The 64-bit difference hash (dHash) of an image: the image's mean over channels, averaged down to 9×8 cells, then one
 * bit per horizontally adjacent pair of cells, set when the left cell is brighter. A shifted, re-encoded or slightly
 * brightened copy changes few bits; distinct faces differ in about half of them. Distances are Hamming distances.
 */
final class DifferenceHash {
    private static final int COLUMNS = 9;
    private static final int ROWS = 8;

    private DifferenceHash() {}

    /** The hash of image {@code i} of {@code pixels}, stored NCHW as unsigned bytes. */
    static long of(byte[] pixels, int offset, int channels, int height, int width) {
        double[] cells = GreyCells.of(pixels, offset, channels, height, width, ROWS, COLUMNS);
        long hash = 0;
        int bit = 0;
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column + 1 < COLUMNS; column++) {
                int k = row * COLUMNS + column;
                if (cells[k] > cells[k + 1]) hash |= 1L << bit;
                bit++;
            }
        }
        return hash;
    }

    static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
