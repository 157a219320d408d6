package io.ferbench.worker.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.cell.DatasetSpec;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The synthetic faces must be learnable but not trivial: template matching on raw pixels fails (nuisance variation
 * blurs the class means; at most 60 % here), while a linear model on a down-sampled picture finds the expression
 * signal (more than 30 %). CNNs learn them well: docs/benchmarks.md gives every architecture's test accuracy on every
 * backend (generator version 2: ResNet-18 above 90 % in 4 epochs of 1,120 faces, the light networks in 7).
 */
class SyntheticFacesDifficultyTest {
    private static final int SIZE = 48;
    private static final int CLASSES = 7;
    private static PreparedDataset data;

    @BeforeAll
    static void prepare() {
        data = Datasets.prepare(new DatasetSpec("syn", "synthetic", null, null, List.of(), 150, SIZE, true, null, 2024L),
                null, null);
    }

    @Test
    void nearestClassMeanOnNormalisedPixelsStaysFarBelowACnn() {
        float[][] train = normalised(data.train());
        float[][] test = normalised(data.test());
        int dim = train[0].length;
        double[][] centroids = new double[CLASSES][dim];
        int[] counts = TestData.counts(data.train(), CLASSES);
        for (int i = 0; i < train.length; i++) {
            int label = data.train().labels()[i];
            for (int k = 0; k < dim; k++) {
                centroids[label][k] += train[i][k] / counts[label];
            }
        }
        int correct = 0;
        for (int i = 0; i < test.length; i++) {
            int best = 0;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < CLASSES; c++) {
                double d = 0;
                for (int k = 0; k < dim; k++) {
                    double e = test[i][k] - centroids[c][k];
                    d += e * e;
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            correct += best == data.test().labels()[i] ? 1 : 0;
        }
        double accuracy = (double) correct / test.length;
        assertTrue(accuracy <= 0.6, "nearest class mean reaches " + accuracy);
    }

    /** Each image as the trainer sees it: ((v / 255) − mean) / std with the training split's statistics. */
    private static float[][] normalised(ImageSet set) {
        float[][] out = new float[set.size()][set.imageLength()];
        for (int i = 0; i < set.size(); i++) {
            set.normalisedInto(i, data.mean(), data.std(), out[i], 0);
        }
        return out;
    }

    @Test
    void logisticRegressionOnADownSampledPictureFindsTheSignal() {
        int block = 4;
        float[][] train = features(data.train(), block);
        float[][] test = features(data.test(), block);
        standardise(train, test);
        int dim = train[0].length;
        double[][] weights = new double[CLASSES][dim + 1];
        SplittableRandom random = new SplittableRandom(1);
        double rate = 0.05;
        for (int epoch = 0; epoch < 40; epoch++, rate *= 0.93) {
            for (int step = 0; step < train.length; step++) {
                int i = random.nextInt(train.length);
                double[] p = softmax(weights, train[i]);
                for (int c = 0; c < CLASSES; c++) {
                    double g = p[c] - (c == data.train().labels()[i] ? 1 : 0);
                    for (int k = 0; k < dim; k++) {
                        weights[c][k] -= rate * (g * train[i][k] + 1e-3 * weights[c][k]);
                    }
                    weights[c][dim] -= rate * g;
                }
            }
        }
        int correct = 0;
        for (int i = 0; i < test.length; i++) {
            double[] p = softmax(weights, test[i]);
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                best = p[c] > p[best] ? c : best;
            }
            correct += best == data.test().labels()[i] ? 1 : 0;
        }
        double accuracy = (double) correct / test.length;
        assertTrue(accuracy > 0.3, "logistic regression on " + SIZE / block + "x" + SIZE / block
                + " pictures reaches only " + accuracy + " (chance: " + 1.0 / CLASSES + ")");
    }

    /** Block averages of each image. */
    private static float[][] features(ImageSet set, int block) {
        int side = SIZE / block;
        float[][] out = new float[set.size()][side * side];
        for (int i = 0; i < set.size(); i++) {
            int base = i * set.imageLength();
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    out[i][(y / block) * side + x / block] += (set.pixels()[base + y * SIZE + x] & 0xFF) / 255f / (block * block);
                }
            }
        }
        return out;
    }

    /** Zero mean, unit variance per feature, with the training statistics. */
    private static void standardise(float[][] train, float[][] test) {
        int dim = train[0].length;
        for (int k = 0; k < dim; k++) {
            double mean = 0, square = 0;
            for (float[] x : train) {
                mean += x[k];
                square += x[k] * x[k];
            }
            mean /= train.length;
            double std = Math.sqrt(Math.max(1e-12, square / train.length - mean * mean));
            for (float[][] set : List.of(train, test)) {
                for (float[] x : set) {
                    x[k] = (float) ((x[k] - mean) / std);
                }
            }
        }
    }

    private static double[] softmax(double[][] weights, float[] x) {
        int dim = x.length;
        double[] z = new double[CLASSES];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CLASSES; c++) {
            double v = weights[c][dim];
            for (int k = 0; k < dim; k++) {
                v += weights[c][k] * x[k];
            }
            z[c] = v;
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < CLASSES; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < CLASSES; c++) {
            z[c] /= sum;
        }
        return z;
    }
}
