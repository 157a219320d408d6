package io.ferbench.worker.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.cell.Device;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every backend and fork gets the same batches: they depend on the seed and the shape only. */
class SyntheticBatchesTest {
    private static BenchParams params(String backend, int steps, long seed) {
        return new BenchParams(backend, "resnet18", 8, 16, 0, Device.CPU, 1, 1, steps, 1, seed);
    }

    @Test
    void theSameSeedGivesTheSameBatchesOnEveryBackend() {
        List<Batch> djl = SyntheticBatches.of(params("djl", 10, 42));
        List<Batch> dl4j = SyntheticBatches.of(params("dl4j", 10, 42));
        assertEquals(SyntheticBatches.DISTINCT, djl.size());
        for (int i = 0; i < djl.size(); i++) {
            assertArrayEquals(djl.get(i).images(), dl4j.get(i).images());
            assertArrayEquals(djl.get(i).labels(), dl4j.get(i).labels());
        }
        assertFalse(Arrays.equals(djl.get(0).images(), SyntheticBatches.of(params("djl", 10, 43)).get(0).images()));
        assertFalse(Arrays.equals(djl.get(0).images(), djl.get(1).images()), "distinct batches");
    }

    @Test
    void batchesAreNormalisedImagesWithClassLabels() {
        Batch b = SyntheticBatches.of(params("djl", 1, 1)).get(0);
        assertEquals(8 * 16 * 16, b.images().length);
        double mean = 0;
        for (float v : b.images()) mean += v;
        mean /= b.images().length;
        assertTrue(Math.abs(mean) < 0.1, "standard normal pixels, mean " + mean);
        b.requireClassLabels(BenchParams.CLASSES);
        assertEquals(1, SyntheticBatches.of(params("djl", 1, 1)).size(), "no more batches than steps");
    }
}
