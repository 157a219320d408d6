package io.ferbench.backend.tensorflow;

import io.ferbench.api.backend.OptimizerSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * {@code torch.optim.Adam} (L2 weight decay added to the gradient, no AMSGrad) as graph ops over
 * resource variables: per parameter the moments {@code m}, {@code v} and its own step count, plus
 * one learning-rate variable.
 *
 * <p>TensorFlow's {@code ResourceApplyAdam} kernel computes {@code w -= lr·√(1-β₂ᵗ)/(1-β₁ᵗ) · m /
 * (√v + ε)}: epsilon is added before the bias correction of {@code v} ("epsilon hat"). PyTorch adds
 * it after: {@code w -= lr/(1-β₁ᵗ) · m / (√v/√(1-β₂ᵗ) + ε)}. Multiplying PyTorch's numerator and
 * denominator by {@code √(1-β₂ᵗ)} gives the kernel's formula with {@code ε·√(1-β₂ᵗ)} in place of
 * {@code ε}, so the kernel is fed that per-step epsilon (computed in the graph, in float64, from the
 * parameter's step count): PyTorch's update up to float rounding at the fused kernel's speed.
 * Step counts are per parameter, as in PyTorch, so a parameter frozen for a while resumes its own
 * bias-correction schedule.
 */
final class TorchAdam {
    private final OptimizerSpec spec;
    private final ResourceVariable learningRate;
    private final Map<String, Slots> slots;

    /** The optimizer state of one parameter. */
    private record Slots(ResourceVariable m, ResourceVariable v, ResourceVariable step) {}

    /** Creates the state of every parameter in {@code trainable}, keyed by IR key. */
    TorchAdam(Ops tf, OptimizerSpec spec, Collection<ModelVariables.Parameter> trainable, TfNames names) {
        this.spec = check(spec);
        this.learningRate = ResourceVariable.create(tf, "adam.learning_rate", "optimizer/learning_rate", new long[0]);
        Map<String, Slots> map = new LinkedHashMap<>();
        for (ModelVariables.Parameter p : trainable) {
            String key = p.def().key();
            long[] shape = p.layout().tfShape();
            map.put(key, new Slots(
                    ResourceVariable.create(tf, names.of("adam.m.", key), "optimizer/" + key + "/m", shape),
                    ResourceVariable.create(tf, names.of("adam.v.", key), "optimizer/" + key + "/v", shape),
                    ResourceVariable.create(tf, names.of("adam.step.", key), "optimizer/" + key + "/step", new long[0])));
        }
        this.slots = Collections.unmodifiableMap(map);
    }

    static OptimizerSpec check(OptimizerSpec spec) {
        if (spec == null) throw new IllegalArgumentException("the model spec has no optimizer");
        if (!"adam".equals(String.valueOf(spec.type()).toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("the tensorflow backend implements optimizer 'adam', got '"
                    + spec.type() + "'");
        }
        requireRange("beta1", spec.beta1());
        requireRange("beta2", spec.beta2());
        if (!(spec.epsilon() > 0)) throw new IllegalArgumentException("adam epsilon must be > 0, got " + spec.epsilon());
        if (!(spec.weightDecay() >= 0)) {
            throw new IllegalArgumentException("adam weight decay must be >= 0, got " + spec.weightDecay());
        }
        checkLearningRate(spec.learningRate());
        return spec;
    }

    private static void requireRange(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException("adam " + name + " must be in [0, 1), got " + value);
        }
    }

    static void checkLearningRate(double learningRate) {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
    }

    ResourceVariable learningRate() { return learningRate; }

    /** Every optimizer variable: the learning rate, then m, v and step of each parameter. */
    List<ResourceVariable> variables() {
        List<ResourceVariable> all = new ArrayList<>();
        all.add(learningRate);
        for (Slots s : slots.values()) {
            all.add(s.m());
            all.add(s.v());
            all.add(s.step());
        }
        return all;
    }

    /** The moments and step counts, which start at zero. */
    List<ResourceVariable> zeroInitialised() {
        return variables().subList(1, variables().size());
    }

    /**
     * The ops of one Adam step of {@code parameter} with gradient {@code gradient} (w.r.t. its read
     * value): increment its step count and apply the update.
     */
    List<Op> update(Ops tf, ModelVariables.Parameter parameter, Operand<TFloat32> gradient) {
        Slots s = slots.get(parameter.def().key());
        if (s == null) throw new IllegalStateException("no Adam state for '" + parameter.def().key() + "'");
        Operand<TFloat32> step = tf.math.add(s.step().read(), tf.constant(1f));
        Op countStep = tf.assignVariableOp(s.step().handle(), step);

        Operand<TFloat64> t = tf.dtypes.cast(step, TFloat64.class);
        Operand<TFloat64> beta1Power = tf.math.pow(tf.constant(spec.beta1()), t);
        Operand<TFloat64> beta2Power = tf.math.pow(tf.constant(spec.beta2()), t);
        Operand<TFloat64> stepEpsilon = tf.math.mul(tf.constant(spec.epsilon()),
                tf.math.sqrt(tf.math.sub(tf.constant(1.0), beta2Power)));

        Operand<TFloat32> g = gradient;
        if (spec.weightDecay() > 0) {
            g = tf.math.add(g, tf.math.mul(tf.constant((float) spec.weightDecay()), parameter.read()));
        }
        Op apply = tf.train.resourceApplyAdam(parameter.variable().handle(), s.m().handle(), s.v().handle(),
                toFloat(tf, beta1Power), toFloat(tf, beta2Power), learningRate.read(),
                tf.constant((float) spec.beta1()), tf.constant((float) spec.beta2()), toFloat(tf, stepEpsilon), g);
        return List.of(countStep, apply);
    }

    private static Operand<TFloat32> toFloat(Ops tf, Operand<TFloat64> x) {
        return tf.dtypes.cast(x, TFloat32.class);
    }
}
