package io.ferbench.worker.train;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.Prediction;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A two-class model whose behaviour is scripted: its single "weight" is the number of the epoch that
 * last trained it, and its validation loss is whatever the script says for that epoch. Restoring an
 * earlier epoch's weights therefore restores that epoch's predictions, which the tests can observe.
 */
final class ScriptedModel implements TrainableModel {
    private final double[] valLossByEpoch;
    private final int stepsPerEpoch;
    private final int nanAtStep;
    private int steps;
    private float weight;
    final List<Batch> trainBatches = new ArrayList<>();
    /** Every rate {@link #setLearningRate} was given, in order. */
    final List<Double> learningRates = new ArrayList<>();
    int imports;

    /** @param nanAtStep global step (from 1) whose loss is NaN, or 0 for none */
    ScriptedModel(double[] valLossByEpoch, int stepsPerEpoch, int nanAtStep) {
        this.valLossByEpoch = valLossByEpoch;
        this.stepsPerEpoch = stepsPerEpoch;
        this.nanAtStep = nanAtStep;
    }

    float weight() { return weight; }

    @Override public float trainStep(Batch batch) {
        steps++;
        trainBatches.add(batch);
        weight = (steps - 1) / stepsPerEpoch + 1;
        return steps == nanAtStep ? Float.NaN : 1f / steps;
    }

    @Override public float evaluateLoss(Batch batch) {
        throw new UnsupportedOperationException("the harness computes losses from logits");
    }

    /**
     * Logits (q, 0) for the true class first: softmax cross-entropy log(1 + e^-q) equals the scripted loss
     * L when q = -log(e^L - 1).
     */
    @Override public Prediction predict(Batch batch, boolean withFeatures) {
        double loss = valLossByEpoch[(int) weight - 1];
        float q = (float) -Math.log(Math.expm1(loss));
        float[][] logits = new float[batch.size()][];
        float[][] features = withFeatures ? new float[batch.size()][] : null;
        for (int k = 0; k < batch.size(); k++) {
            int label = batch.labels()[k];
            logits[k] = label == 0 ? new float[] {q, 0} : new float[] {0, q};
            if (withFeatures) features[k] = new float[] {batch.images()[k * batch.channels() * batch.height() * batch.width()], weight};
        }
        return new Prediction(logits, features);
    }

    @Override public void freeze(Collection<String> nodeNames) {}

    @Override public void setLearningRate(double learningRate) {
        learningRates.add(learningRate);
    }

    @Override public NamedTensors exportWeights() {
        return new NamedTensors().put("w", new FloatTensor(new long[] {1}, new float[] {weight}));
    }

    @Override public void importWeights(NamedTensors weights, boolean strict) {
        weight = weights.get("w").data()[0];
        imports++;
    }


    @Override public void close() {}
}
