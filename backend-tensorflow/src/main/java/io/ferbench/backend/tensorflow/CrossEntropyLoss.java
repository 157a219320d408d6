package io.ferbench.backend.tensorflow;

import io.ferbench.api.backend.ModelSpec;
import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * PyTorch's {@code nn.CrossEntropyLoss}: the mean negative log-likelihood of the softmax, or with
 * class weights {@code w} the weighted mean {@code Σ w[y]·nll / Σ w[y]}. Label smoothing ε trains against the
 * target {@code (1 − ε)·onehot(y) + ε/K} (see {@code ModelSpec#labelSmoothing}); the weights stay those of y.
 *
 * <p>Built on {@code SoftmaxCrossEntropyWithLogits} with one-hot labels because the sparse variant
 * has no gradient registered in TensorFlow's C++ gradient table, which graph-mode Java uses.
 */
final class CrossEntropyLoss {
    private final int classes;
    private final float[] classWeights;
    private final float labelSmoothing;

    /** {@code classWeights} null for the plain mean; otherwise one finite, non-negative weight per class. */
    CrossEntropyLoss(int classes, float[] classWeights, double labelSmoothing) {
        this.classes = classes;
        this.labelSmoothing = (float) ModelSpec.checkLabelSmoothing(labelSmoothing);
        this.classWeights = classWeights == null ? null : checkWeights(classes, classWeights);
    }

    private static float[] checkWeights(int classes, float[] weights) {
        if (weights.length != classes) {
            throw new IllegalArgumentException("class weights: " + weights.length + " values given but the model has "
                    + classes + " classes");
        }
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Float.isInfinite(weights[i])) {
                throw new IllegalArgumentException("class weights: weight " + i + " must be a finite number >= 0, got "
                        + weights[i]);
            }
            sum += weights[i];
        }
        if (sum == 0) throw new IllegalArgumentException("class weights: all " + classes + " weights are 0");
        return weights.clone();
    }

    /** The scalar loss of {@code logits} ({@code [N, classes]}) against {@code labels} ({@code [N]}). */
    Operand<TFloat32> build(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels) {
        Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(classes), tf.constant(1f), tf.constant(0f));
        Operand<TFloat32> target = labelSmoothing == 0 ? oneHot : tf.oneHot(labels, tf.constant(classes),
                tf.constant(1 - labelSmoothing + labelSmoothing / classes), tf.constant(labelSmoothing / classes));
        Operand<TFloat32> nll = tf.nn.softmaxCrossEntropyWithLogits(logits, target).loss();
        if (classWeights == null) return tf.math.mean(nll, tf.constant(0));
        Operand<TFloat32> sampleWeights = tf.sum(tf.math.mul(oneHot, tf.constant(classWeights)), tf.constant(1));
        return tf.math.div(tf.sum(tf.math.mul(sampleWeights, nll), tf.constant(0)),
                tf.sum(sampleWeights, tf.constant(0)));
    }

    @Override public String toString() {
        return classWeights == null ? "mean cross entropy" : "weighted cross entropy " + Arrays.toString(classWeights);
    }

    /** The number of classes, which labels must index. */
    int classes() {
        return classes;
    }
}
