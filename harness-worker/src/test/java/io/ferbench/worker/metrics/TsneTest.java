package io.ferbench.worker.metrics;

import static io.ferbench.worker.metrics.ClassificationReportTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class TsneTest {

    /** Gaussian clusters: centres drawn with spread {@code centreSpread} per axis, unit-variance points around them. */
    private record Clusters(float[][] features, int[] labels) {
        static Clusters gaussian(int clusters, int perCluster, int dims, double centreSpread, long seed) {
            Random random = new Random(seed);
            double[][] centres = new double[clusters][dims];
            for (double[] centre : centres) {
                for (int c = 0; c < dims; c++) {
                    centre[c] = centreSpread * random.nextGaussian();
                }
            }
            float[][] features = new float[clusters * perCluster][dims];
            int[] labels = new int[features.length];
            for (int i = 0; i < features.length; i++) {
                labels[i] = i % clusters; // interleaved, so order carries no information
                for (int c = 0; c < dims; c++) {
                    features[i][c] = (float) (centres[labels[i]][c] + random.nextGaussian());
                }
            }
            return new Clusters(features, labels);
        }
    }

    @Test
    void wellSeparatedClustersIn50DimensionsStaySeparatedIn2() {
        Clusters data = Clusters.gaussian(5, 30, 50, 3.0, 1);
        double[][] embedding = Tsne.embed(data.features(), 2, 20, 1000, 11);
        assertEquals(150, embedding.length);
        assertEquals(2, embedding[0].length);
        double agreement = knnLabelAgreement(embedding, data.labels(), 5);
        assertTrue(agreement > 0.95, "5-NN label agreement in the embedding was " + agreement);
    }

    @Test
    void widerFeaturesGoThroughPcaAndStillSeparate() {
        // 512 features, like ResNet-18's penultimate layer: reduced to 50 principal components first.
        Clusters data = Clusters.gaussian(4, 30, 512, 1.0, 2);
        double[][] embedding = Tsne.embed(data.features(), 20, 1000, 12);
        double agreement = knnLabelAgreement(embedding, data.labels(), 5);
        assertTrue(agreement > 0.95, "5-NN label agreement in the embedding was " + agreement);
    }

    @Test
    void sameSeedGivesTheSameEmbeddingBitForBit() {
        Clusters data = Clusters.gaussian(3, 20, 60, 3.0, 3);
        double[][] first = Tsne.embed(data.features(), 2, 10, 260, 99);
        double[][] second = Tsne.embed(data.features(), 2, 10, 260, 99);
        double[][] otherSeed = Tsne.embed(data.features(), 2, 10, 260, 100);
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], second[i], 0.0, "point " + i);
        }
        assertFalse(Arrays.deepEquals(first, otherSeed), "a different seed should start elsewhere");
    }

    @Test
    void threadCountDoesNotChangeTheResult() throws Exception {
        // Parallel streams run in the pool of the task that starts them.
        Clusters data = Clusters.gaussian(3, 20, 80, 3.0, 8); // 80 features: the PCA path is parallel too
        double[][] single = inPool(1, () -> Tsne.embed(data.features(), 10, 260, 5));
        double[][] several = inPool(3, () -> Tsne.embed(data.features(), 10, 260, 5));
        assertTrue(Arrays.deepEquals(single, several));
    }

    private static double[][] inPool(int threads, Callable<double[][]> task) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(task).get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void embedsInThreeDimensionsCentredOnTheOrigin() {
        Clusters data = Clusters.gaussian(3, 15, 8, 3.0, 4);
        double[][] embedding = Tsne.embed(data.features(), 3, 8, 1000, 5);
        double[] mean = new double[3];
        for (double[] point : embedding) {
            assertEquals(3, point.length);
            for (int c = 0; c < 3; c++) {
                assertTrue(Double.isFinite(point[c]));
                mean[c] += point[c] / embedding.length;
            }
        }
        assertArrayEquals(new double[3], mean, 1e-9);
        assertTrue(knnLabelAgreement(embedding, data.labels(), 3) > 0.95);
    }

    @Test
    void doesNotModifyItsInput() {
        Clusters data = Clusters.gaussian(2, 10, 4, 3.0, 6);
        float[][] copy = Arrays.stream(data.features()).map(float[]::clone).toArray(float[][]::new);
        Tsne.embed(data.features(), 5, 250, 1);
        assertTrue(Arrays.deepEquals(copy, data.features()));
    }

    @Test
    void defaultPerplexityFitsSmallSets() {
        assertEquals(30.0, Tsne.defaultPerplexity(2000));
        assertEquals(3.0, Tsne.defaultPerplexity(10));
        assertEquals(1.0, Tsne.defaultPerplexity(2));
    }

    @Test
    void rejectsArgumentsItCannotHonour() {
        float[][] ten = Clusters.gaussian(2, 5, 3, 1.0, 7).features();
        assertMessage("perplexity 30.0 is outside [1, 9] for 10 points", () -> Tsne.embed(ten, 30, 1000, 0));
        assertMessage("iterations must be at least 250", () -> Tsne.embed(ten, 3, 100, 0));
        assertMessage("embedding dimensions must be at least 1", () -> Tsne.embed(ten, 0, 3, 1000, 0));
        assertMessage("t-SNE needs 2..5000 points", () -> Tsne.embed(new float[][] {{1, 2}}, 1, 1000, 0));
        assertMessage("subsample", () -> Tsne.embed(new float[5001][1], 30, 1000, 0));
        assertMessage("features[1][0] is NaN", () -> Tsne.embed(new float[][] {{1}, {Float.NaN}, {2}}, 1, 1000, 0));
        assertMessage("features[2] has 1 values but features[0] has 2",
                () -> Tsne.embed(new float[][] {{1, 2}, {3, 4}, {5}}, 1, 1000, 0));
    }

    /** Fraction of points whose k nearest embedded neighbours mostly share their label. */
    static double knnLabelAgreement(double[][] points, int[] labels, int k) {
        int agree = 0;
        for (int i = 0; i < points.length; i++) {
            int self = i;
            Integer[] others = java.util.stream.IntStream.range(0, points.length).filter(j -> j != self).boxed()
                    .toArray(Integer[]::new);
            Arrays.sort(others, java.util.Comparator.comparingDouble(j -> PcaTest.distance(points[self], points[j])));
            int same = 0;
            for (int r = 0; r < k; r++) {
                same += labels[others[r]] == labels[i] ? 1 : 0;
            }
            agree += 2 * same > k ? 1 : 0;
        }
        return (double) agree / points.length;
    }
}
