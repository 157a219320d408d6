package io.ferbench.worker.train;

import io.ferbench.worker.data.ImageSet;
import io.ferbench.worker.data.PreparedDataset;
import java.util.List;

/** Small hand-made datasets for loop tests: each image's first pixel holds its index, labels alternate 0/1. */
final class TinyData {
    private TinyData() {}

    static ImageSet images(int n, int side) {
        byte[] pixels = new byte[n * side * side];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            pixels[i * side * side] = (byte) i;
            for (int k = 1; k < side * side; k++) pixels[i * side * side + k] = (byte) (k * 7 + i);
            labels[i] = i % 2;
        }
        return new ImageSet(pixels, labels, 1, side, side);
    }

    static PreparedDataset dataset(int train, int validation, int test) {
        return new PreparedDataset("tiny", List.of("a", "b"), images(train, 4), images(validation, 4), images(test, 4),
                0.5f, 0.25f, List.of());
    }
}
