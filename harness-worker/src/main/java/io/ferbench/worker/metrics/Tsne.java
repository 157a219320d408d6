package io.ferbench.worker.metrics;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Exact t-SNE (van der Maaten and Hinton, "Visualizing Data using t-SNE", JMLR 2008) for the
 * report's scatter of penultimate-layer features.
 *
 * <p>Steps: features wider than {@value #PCA_DIMENSIONS} are first reduced to that many principal
 * components ({@link Pca}); each point's neighbour distribution is calibrated to the perplexity
 * ({@link PerplexityCalibration}) and symmetrised; the embedding starts from a seeded Gaussian
 * (σ = {@value #INITIAL_SPREAD}) and follows gradient descent on {@code KL(P ‖ Q)} with early
 * exaggeration {@value #EARLY_EXAGGERATION} and momentum {@value #INITIAL_MOMENTUM} for the first
 * {@value #EXPLORATION_ITERATIONS} iterations, momentum {@value #FINAL_MOMENTUM} after, adaptive
 * per-coordinate gains (Jacobs 1988, as in the reference implementation) and learning rate
 * {@code max(n / (4·12), 50)}. That is scikit-learn's {@code learning_rate="auto"}: Belkina et al.'s
 * (2019) {@code n / exaggeration}, stated for implementations whose gradient omits the paper's
 * factor 4, converted to the paper's gradient used here, with scikit-learn's floor of 50. The
 * older fixed rate of 200 overshoots on small sets (measured on 45 points in three clusters, six
 * runs of 1,000 iterations: final KL 0.15 to 0.62 at rate 200, 0.13 to 0.18 at rate 50). Every
 * iteration runs (no early stopping), and the embedding is re-centred after each step.
 *
 * <p>O(n²) time and memory ({@code 8·n²} bytes for the joint probabilities: 32 MB at 2,000 points),
 * so inputs are limited to {@value #MAX_POINTS} points; subsample larger sets. Deterministic: the
 * same input and seed give the same output bit for bit, whatever the number of threads.
 */
public final class Tsne {
    public static final int MAX_POINTS = 5000;
    public static final int PCA_DIMENSIONS = 50;
    public static final int EXPLORATION_ITERATIONS = 250;
    static final double EARLY_EXAGGERATION = 12;
    static final double INITIAL_MOMENTUM = 0.5;
    static final double FINAL_MOMENTUM = 0.8;
    static final double INITIAL_SPREAD = 1e-2;
    private static final double MIN_GAIN = 0.01;
    private static final double MIN_LEARNING_RATE = 50;

    private Tsne() {}

    /** Two-dimensional embedding; see {@link #embed(float[][], int, double, int, long)}. */
    public static double[][] embed(float[][] features, double perplexity, int iterations, long seed) {
        return embed(features, 2, perplexity, iterations, seed);
    }

    /**
     * Embeds the rows of {@code features} in {@code dims} dimensions.
     *
     * @param features   {@code [points][featureDim]}, rectangular and finite, 2..{@value #MAX_POINTS} points
     * @param dims       embedding dimensions, at least 1 (2 for a scatter plot)
     * @param perplexity effective number of neighbours, in {@code [1, points - 1]}; 30 is customary,
     *                   {@link #defaultPerplexity(int)} adapts it to small sets
     * @param iterations gradient steps, at least {@value #EXPLORATION_ITERATIONS} (1,000 is customary)
     * @param seed       seeds the PCA start block and the initial embedding
     * @return {@code [points][dims]} coordinates, centred on the origin
     */
    public static double[][] embed(float[][] features, int dims, double perplexity, int iterations, long seed) {
        double[][] x = Matrices.toDouble(features, "features");
        int n = x.length;
        if (n < 2 || n > MAX_POINTS) {
            throw new IllegalArgumentException("t-SNE needs 2.." + MAX_POINTS + " points (exact t-SNE is O(n²)), got " + n
                    + (n > MAX_POINTS ? "; subsample the features first" : ""));
        }
        if (dims < 1) {
            throw new IllegalArgumentException("embedding dimensions must be at least 1, got " + dims);
        }
        PerplexityCalibration.requirePerplexity(perplexity, n);
        if (iterations < EXPLORATION_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be at least " + EXPLORATION_ITERATIONS
                    + " (the early-exaggeration phase alone takes that many), got " + iterations);
        }
        if (x[0].length > PCA_DIMENSIONS) {
            x = Pca.project(x, PCA_DIMENSIONS, seed);
        }
        TsneObjective objective = TsneObjective.fromConditional(conditionalProbabilities(x, perplexity), dims);
        double[] y = optimise(objective, dims, iterations, seed);
        double[][] out = new double[n][dims];
        for (int i = 0; i < n; i++) {
            System.arraycopy(y, i * dims, out[i], 0, dims);
        }
        return out;
    }

    /** A perplexity that suits {@code points}: 30, or a third of the other points for small sets, and at least 1. */
    public static double defaultPerplexity(int points) {
        return Math.max(1, Math.min(30, (points - 1) / 3.0));
    }

    private static double[][] conditionalProbabilities(double[][] x, double perplexity) {
        int n = x.length;
        double[][] rows = new double[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] distances = new double[n];
            for (int j = 0; j < n; j++) {
                distances[j] = squaredDistance(x[i], x[j]);
            }
            rows[i] = PerplexityCalibration.conditionalRow(distances, i, perplexity);
        });
        return rows;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int c = 0; c < a.length; c++) {
            double diff = a[c] - b[c];
            sum += diff * diff;
        }
        return sum;
    }

    private static double[] optimise(TsneObjective objective, int dims, int iterations, long seed) {
        int n = objective.points();
        int size = n * dims;
        // A different stream from the PCA's, so the two random draws are independent.
        Random random = new Random(seed ^ 0x5DEECE66DL);
        double[] y = new double[size];
        for (int k = 0; k < size; k++) {
            y[k] = INITIAL_SPREAD * random.nextGaussian();
        }
        double learningRate = learningRate(n);
        double[] gradient = new double[size];
        double[] update = new double[size];
        double[] gains = new double[size];
        Arrays.fill(gains, 1);
        for (int it = 0; it < iterations; it++) {
            boolean exploring = it < EXPLORATION_ITERATIONS;
            objective.gradient(y, exploring ? EARLY_EXAGGERATION : 1, gradient);
            double momentum = exploring ? INITIAL_MOMENTUM : FINAL_MOMENTUM;
            for (int k = 0; k < size; k++) {
                // Grow the step of a coordinate that keeps moving downhill the same way; shrink it when the slope reverses.
                boolean sameDirection = (gradient[k] > 0) == (update[k] > 0);
                gains[k] = Math.max(sameDirection ? gains[k] * 0.8 : gains[k] + 0.2, MIN_GAIN);
                update[k] = momentum * update[k] - learningRate * gains[k] * gradient[k];
                y[k] += update[k];
            }
            recentre(y, n, dims);
        }
        return y;
    }

    /** scikit-learn's "auto" rate; see the class comment. */
    static double learningRate(int points) {
        return Math.max(points / (4 * EARLY_EXAGGERATION), MIN_LEARNING_RATE);
    }

    private static void recentre(double[] y, int n, int dims) {
        for (int c = 0; c < dims; c++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += y[i * dims + c];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                y[i * dims + c] -= mean;
            }
        }
    }
}
