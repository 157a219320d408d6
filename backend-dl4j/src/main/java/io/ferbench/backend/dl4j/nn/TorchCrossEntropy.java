package io.ferbench.backend.dl4j.nn;

import io.ferbench.api.backend.ModelSpec;
import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * PyTorch's {@code nn.CrossEntropyLoss(weight=w)} on logits, in DL4J's loss-function conventions.
 *
 * <p>PyTorch's weighted mean is {@code L = Σᵢ w[yᵢ]·nllᵢ / Σᵢ w[yᵢ]} (the plain mean when unweighted).
 * DL4J's {@code LossMCXENT} with weights divides the weighted sum by the batch size N instead, so its
 * loss and gradient differ from PyTorch's by the per-batch factor {@code N / Σᵢ w[yᵢ]}. This class
 * computes PyTorch's value exactly: DL4J divides a layer's summed score (and, in its updater, the
 * summed gradients) by N, so example i contributes {@code sᵢ·nllᵢ} with {@code sᵢ = N·w[yᵢ] / Σⱼ w[yⱼ]}
 * and its logit gradient is {@code sᵢ·(softmax(zᵢ) − onehot(yᵢ))}. With N divided out this is exactly
 * L and dL/dz. Log-softmax is computed with the max subtracted, so large logits do not overflow (DL4J's
 * MCXENT instead clips probabilities at 1e-10 before the logarithm).
 *
 * <p>Label smoothing ε trains against {@code tᵢ = (1 − ε)·onehot(yᵢ) + ε/K}: each example's term is
 * {@code −Σ_c tᵢc·log pᵢc} and its logit gradient {@code sᵢ·(softmax(zᵢ) − tᵢ)}; the weights stay those of yᵢ.
 *
 * <p>Labels are one-hot rows; the layer using it must have the identity activation (the input is the
 * logits). Masks are not supported (the IR has no sequences).
 */
public class TorchCrossEntropy implements ILossFunction {
    private final double[] classWeights;
    private final double labelSmoothing;

    /** The plain (or class-weighted) cross-entropy. */
    public TorchCrossEntropy(double[] classWeights) {
        this(classWeights, 0);
    }

    /**
     * @param classWeights   one non-negative weight per class, or null for the plain mean
     * @param labelSmoothing ε in [0, 1)
     */
    public TorchCrossEntropy(@JsonProperty("classWeights") double[] classWeights,
                             @JsonProperty("labelSmoothing") double labelSmoothing) {
        this.labelSmoothing = ModelSpec.checkLabelSmoothing(labelSmoothing);
        if (classWeights != null) {
            for (int c = 0; c < classWeights.length; c++) {
                double w = classWeights[c];
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("class weight " + c + " must be a finite number >= 0, got " + w);
                }
            }
        }
        this.classWeights = classWeights == null ? null : classWeights.clone();
    }

    public double getLabelSmoothing() {
        return labelSmoothing;
    }

    /** The training target: the one-hot labels, smoothed towards the uniform distribution by ε. */
    private INDArray target(INDArray labels) {
        if (labelSmoothing == 0) return labels;
        return labels.mul(1 - labelSmoothing).addi(labelSmoothing / labels.size(1));
    }

    public double[] getClassWeights() {
        return classWeights == null ? null : classWeights.clone();
    }

    /** Log-probabilities {@code z - logsumexp(z)} per row. */
    static INDArray logSoftmax(INDArray logits) {
        INDArray shifted = logits.subColumnVector(logits.max(true, 1));
        INDArray logSumExp = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
        return shifted.subiColumnVector(logSumExp);
    }

    /** {@code sᵢ = N·w[yᵢ] / Σⱼ w[yⱼ]} as a column; all ones when unweighted. */
    private INDArray exampleScale(INDArray labels) {
        long n = labels.size(0);
        if (classWeights == null) return Nd4j.ones(labels.dataType(), n, 1);
        if (labels.size(1) != classWeights.length) {
            throw new IllegalArgumentException("labels have " + labels.size(1) + " classes but " + classWeights.length
                    + " class weights were given");
        }
        INDArray weights = Nd4j.create(classWeights, new long[] {classWeights.length, 1}, labels.dataType());
        INDArray perExample = labels.mmul(weights);
        double total = perExample.sumNumber().doubleValue();
        if (!(total > 0)) {
            throw new IllegalArgumentException("every example in the batch belongs to a class of weight 0; the "
                    + "weighted mean loss is undefined (PyTorch returns NaN)");
        }
        return perExample.muli(n / total);
    }

    private static INDArray logits(INDArray preOutput, IActivation activationFn, INDArray mask) {
        if (mask != null) throw new UnsupportedOperationException("TorchCrossEntropy does not support masks");
        if (!(activationFn instanceof ActivationIdentity)) {
            throw new IllegalStateException("TorchCrossEntropy takes logits: the loss layer's activation must be "
                    + "IDENTITY, got " + activationFn);
        }
        return preOutput;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray logProbabilities = logSoftmax(logits(preOutput, activationFn, mask));
        INDArray nll = logProbabilities.muli(target(labels)).sum(true, 1).negi();
        return nll.muli(exampleScale(labels));
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray probabilities = Transforms.exp(logSoftmax(logits(preOutput, activationFn, mask)), false);
        return probabilities.subi(target(labels)).muliColumnVector(exampleScale(labels));
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "TorchCrossEntropy";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TorchCrossEntropy t && Arrays.equals(classWeights, t.classWeights)
                && labelSmoothing == t.labelSmoothing;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(classWeights) + Double.hashCode(labelSmoothing);
    }

    @Override
    public String toString() {
        return "TorchCrossEntropy(" + (classWeights == null ? "" : "weights=" + Arrays.toString(classWeights))
                + (labelSmoothing == 0 ? "" : (classWeights == null ? "" : ", ") + "label_smoothing=" + labelSmoothing)
                + ")";
    }
}
