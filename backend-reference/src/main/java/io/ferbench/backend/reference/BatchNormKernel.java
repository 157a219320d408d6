package io.ferbench.backend.reference;

import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.ParameterDef;
import java.util.List;

/**
 * {@code torch.nn.functional.batch_norm} per channel over samples, rows and columns. A training pass normalises with
 * the batch's mean and biased variance and moves the running statistics by the IR's momentum (the variance
 * unbiased, as PyTorch does); an evaluation pass, and every pass of a frozen node, normalises with the running
 * statistics and leaves them as they are.
 */
final class BatchNormKernel implements Kernel {
    private final String node;
    private final Op.BatchNorm op;
    private final String gammaKey;
    private final String betaKey;
    private final float[] gamma;
    private final float[] beta;
    private final float[] runningMean;
    private final float[] runningVar;
    private final Parallel parallel;
    private boolean frozen;
    private Activation input;
    private double[] mean;
    private double[] inverseStd;
    private boolean batchStatistics;

    BatchNormKernel(String node, Op.BatchNorm op, Weights weights, Parallel parallel) {
        this.node = node;
        this.op = op;
        this.gammaKey = Weights.key(node, ParameterDef.WEIGHT);
        this.betaKey = Weights.key(node, ParameterDef.BIAS);
        this.gamma = weights.get(gammaKey);
        this.beta = weights.get(betaKey);
        this.runningMean = weights.get(Weights.key(node, ParameterDef.RUNNING_MEAN));
        this.runningVar = weights.get(Weights.key(node, ParameterDef.RUNNING_VAR));
        this.parallel = parallel;
    }

    /** A frozen batch norm runs in inference mode even in a training pass (TrainableModel#freeze). */
    void setFrozen(boolean frozen) {
        this.frozen = frozen;
    }

    @Override
    public Activation forward(List<Activation> inputs, boolean training) {
        Activation x = inputs.get(0);
        input = x;
        batchStatistics = training && !frozen;
        int count = x.n() * x.plane();
        if (batchStatistics && count < 2) {
            throw new IllegalArgumentException("node '" + node + "': batch norm in training needs more than one value"
                    + " per channel, got " + x.n() + " sample(s) of " + x.height() + "x" + x.width()
                    + " (use a larger batch)");
        }
        mean = new double[x.channels()];
        inverseStd = new double[x.channels()];
        Activation y = x.zerosLike();
        parallel.forEach(x.channels(), c -> {
            double variance;
            if (batchStatistics) {
                mean[c] = sum(x, c, 0, 1) / count;
                variance = sum(x, c, mean[c], 2) / count;
                double m = op.momentum();
                runningMean[c] = (float) ((1 - m) * runningMean[c] + m * mean[c]);
                runningVar[c] = (float) ((1 - m) * runningVar[c] + m * variance * count / (count - 1));
            } else {
                mean[c] = runningMean[c];
                variance = runningVar[c];
            }
            inverseStd[c] = 1 / Math.sqrt(variance + op.eps());
            for (int i = 0; i < x.n(); i++) {
                int at = x.offset(i, c);
                for (int j = at; j < at + x.plane(); j++) {
                    y.data()[j] = (float) ((x.data()[j] - mean[c]) * inverseStd[c] * gamma[c] + beta[c]);
                }
            }
        });
        return y;
    }

    /** Σ (x − centre)^power over channel {@code c} of every sample (power 1 or 2). */
    private static double sum(Activation x, int c, double centre, int power) {
        double s = 0;
        for (int i = 0; i < x.n(); i++) {
            int at = x.offset(i, c);
            for (int j = at; j < at + x.plane(); j++) {
                double d = x.data()[j] - centre;
                s += power == 1 ? d : d * d;
            }
        }
        return s;
    }

    @Override
    public List<Activation> backward(Activation dy, Gradients gradients, boolean inputGradients) {
        Activation x = input;
        double[] gammaGradient = gradients.of(gammaKey);
        double[] betaGradient = gradients.of(betaKey);
        Activation dx = inputGradients ? x.zerosLike() : null;
        int count = x.n() * x.plane();
        parallel.forEach(x.channels(), c -> {
            double sumDy = 0;
            double sumDyXhat = 0;
            for (int i = 0; i < x.n(); i++) {
                int at = x.offset(i, c);
                for (int j = at; j < at + x.plane(); j++) {
                    sumDy += dy.data()[j];
                    sumDyXhat += dy.data()[j] * (x.data()[j] - mean[c]) * inverseStd[c];
                }
            }
            if (gammaGradient != null) gammaGradient[c] += sumDyXhat;
            if (betaGradient != null) betaGradient[c] += sumDy;
            if (dx == null) return;
            double scale = gamma[c] * inverseStd[c];
            for (int i = 0; i < x.n(); i++) {
                int at = x.offset(i, c);
                for (int j = at; j < at + x.plane(); j++) {
                    double g = dy.data()[j];
                    if (batchStatistics) {
                        // the batch's mean and variance depend on x too
                        double xhat = (x.data()[j] - mean[c]) * inverseStd[c];
                        g = g - sumDy / count - xhat * sumDyXhat / count;
                    }
                    dx.data()[j] = (float) (scale * g);
                }
            }
        });
        return java.util.Arrays.asList(dx);
    }
}
