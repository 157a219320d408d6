package io.ferbench.worker.data;

/** Exact running sums of unsigned byte pixel values, reported as mean and population std on the 0..1 scale. */
final class PixelMoments {
    private long count;
    private long sum;
    private long sumOfSquares;

    void add(byte[] pixels, int from, int length) {
        long s = 0, q = 0;
        for (int i = from, end = from + length; i < end; i++) {
            int v = pixels[i] & 0xFF;
            s += v;
            q += v * v;
        }
        count += length;
        sum += s;
        sumOfSquares += q;
    }

    long count() {
        return count;
    }

    /** Mean on the 0..1 scale; NaN when nothing was added. */
    double mean() {
        return count == 0 ? Double.NaN : (double) sum / count / 255;
    }

    /** Population standard deviation on the 0..1 scale; NaN when nothing was added. */
    double std() {
        if (count == 0) {
            return Double.NaN;
        }
        double mean = (double) sum / count;
        return Math.sqrt(Math.max(0, (double) sumOfSquares / count - mean * mean)) / 255;
    }
}
