package io.ferbench.worker.audit;

import io.ferbench.worker.data.ImageSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pearson correlation of two equally sized grey images at the best of the nine alignments that shift one by at most
 * a pixel in each direction, over their overlap: a copy shifted by a pixel, re-encoded or brightened scores near 1,
 * while two distinct faces — aligned crops that share one layout — stay below about 0.92 (docs/datasets.md).
 */
final class ShiftedCorrelation {
    private ShiftedCorrelation() {}

    /** Larger images are compared at this side (area-averaged): a face's identity survives, the cost stays flat. */
    static final int MAX_SIDE = 48;

    /** The side images of {@code size} pixels are compared at. */
    static int side(int size) {
        return Math.min(size, MAX_SIDE);
    }

    /** Each image of {@code set} as grey values (the mean over channels), row-major, at {@link #side}. */
    static List<float[]> greyImages(ImageSet set) {
        int side = side(set.width());
        List<float[]> out = new ArrayList<>(set.size());
        for (int i = 0; i < set.size(); i++) {
            double[] cells = GreyCells.of(set.pixels(), i * set.imageLength(), set.channels(), set.height(), set.width(),
                    side, side);
            float[] grey = new float[cells.length];
            for (int k = 0; k < cells.length; k++) grey[k] = (float) cells[k];
            out.add(grey);
        }
        return out;
    }

    /** The best correlation of {@code a} and {@code b} (both {@code side}×{@code side}) over shifts of ±1 pixel. */
    static double best(float[] a, float[] b, int side) {
        double best = -1;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) best = Math.max(best, at(a, b, side, dx, dy));
        }
        return best;
    }

    private static double at(float[] a, float[] b, int side, int dx, int dy) {
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        int n = 0;
        for (int y = Math.max(0, dy); y < side + Math.min(0, dy); y++) {
            for (int x = Math.max(0, dx); x < side + Math.min(0, dx); x++) {
                double u = a[y * side + x], v = b[(y - dy) * side + (x - dx)];
                sa += u;
                sb += v;
                saa += u * u;
                sbb += v * v;
                sab += u * v;
                n++;
            }
        }
        double varA = saa / n - (sa / n) * (sa / n), varB = sbb / n - (sb / n) * (sb / n);
        if (varA <= 0 || varB <= 0) return 0;  // a constant image correlates with nothing
        return (sab / n - (sa / n) * (sb / n)) / Math.sqrt(varA * varB);
    }
}
