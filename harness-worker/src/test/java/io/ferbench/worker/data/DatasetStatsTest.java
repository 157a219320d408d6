package io.ferbench.worker.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetStatsTest {
    /** Images of 2 pixels each; values chosen so that every mean and std is easy to check by hand. */
    private static ImageSet set(int[] labels, int... values) {
        byte[] pixels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[i] = (byte) values[i];
        }
        return new ImageSet(pixels, labels, 1, 1, 2);
    }

    @Test
    void perClassCountsMeansAndStdsOverAllSplitsAndPerSplit() {
        ImageSet train = set(new int[] {0, 0, 1}, 0, 0, 255, 255, 51, 153);
        ImageSet validation = set(new int[] {1}, 102, 102);
        ImageSet test = set(new int[] {0}, 255, 255);
        PreparedDataset d = new PreparedDataset("toy", List.of("dark", "mid"), train, validation, test, 0.5f, 0.5f, List.of());
        DatasetStats stats = DatasetStats.of(d);

        assertEquals(List.of("all", "train", "validation", "test"), stats.parts().stream().map(DatasetStats.Part::name).toList());
        DatasetStats.Part all = stats.part("all");
        assertEquals(5, all.count());
        DatasetStats.ClassStats dark = all.perClass().get(0);
        assertEquals(3, dark.count());
        assertEquals(4.0 / 6, dark.mean(), 1e-9); // 0,0,1,1,1,1
        assertEquals(Math.sqrt(2.0 / 9), dark.std(), 1e-9);
        DatasetStats.ClassStats mid = all.perClass().get(1);
        assertEquals(2, mid.count());
        assertEquals(0.4, mid.mean(), 1e-9); // 0.2, 0.6, 0.4, 0.4

        DatasetStats.Part trainPart = stats.part("train");
        assertEquals(3, trainPart.count());
        assertEquals(0.5, trainPart.perClass().get(0).mean(), 1e-9);
        assertEquals(0.5, trainPart.perClass().get(0).std(), 1e-9);
        assertEquals(0.4, trainPart.perClass().get(1).mean(), 1e-9);
        assertEquals(0.2, trainPart.perClass().get(1).std(), 1e-9);

        DatasetStats.Part validationPart = stats.part("validation");
        assertEquals(0, validationPart.perClass().get(0).count());
        assertTrue(Double.isNaN(validationPart.perClass().get(0).mean()), "no images: NaN, not a made-up 0");
        assertEquals(0.4, validationPart.mean(), 1e-9);
        assertEquals(1.0, stats.part("test").mean(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> stats.part("holdout"));
    }
}
