package io.ferbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.result.FeatureSample;
import io.ferbench.worker.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TsneEmbeddingsTest {
    @TempDir Path dir;

    @Test
    void anEmbeddingIsComputedOnceAndKeptInTheCellFolderUnderAKeyOfItsInput() {
        FeatureSample features = TestCells.features(30, 3, 1);
        Path cache = dir.resolve("tsne.json");
        double[][] first = new TsneEmbeddings().embed(features, 7, cache);
        assertEquals(30, first.length);
        assertEquals(2, first[0].length);
        assertTrue(Files.isRegularFile(cache));

        // a later report (a new instance) takes the kept embedding: here one planted under the same key
        double[][] planted = new double[30][2];
        planted[0][0] = 123;
        JsonFiles.write(cache, new TsneEmbeddings.Cached(TsneEmbeddings.key(features, 7), planted), false);
        assertArrayEquals(planted[0], new TsneEmbeddings().embed(features, 7, cache)[0]);

        // other features, or another seed, never reuse it
        assertNotEquals(123.0, new TsneEmbeddings().embed(features, 8, cache)[0][0]);
        assertNotEquals(TsneEmbeddings.key(features, 7), TsneEmbeddings.key(TestCells.features(30, 3, 2), 7));
    }

    @Test
    void clustersStayApartAndTooFewPointsGiveNoEmbedding() {
        FeatureSample features = TestCells.features(60, 3, 4);
        double[][] y = new TsneEmbeddings().embed(features, 1, null);
        // each point's nearest neighbour in the embedding has its class (the clusters are far apart in 16-d)
        for (int i = 0; i < y.length; i++) {
            int nearest = -1;
            double best = Double.MAX_VALUE;
            for (int j = 0; j < y.length; j++) {
                double d = Math.hypot(y[i][0] - y[j][0], y[i][1] - y[j][1]);
                if (j != i && d < best) {
                    best = d;
                    nearest = j;
                }
            }
            assertEquals(features.labels()[i], features.labels()[nearest], "point " + i);
        }
        assertNull(new TsneEmbeddings().embed(TestCells.features(1, 1, 1), 1, null));
    }
}
