package io.ferbench.backend.dl4j;

import io.ferbench.api.backend.AdamSchedule;
import io.ferbench.api.backend.OptimizerSpec;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;

/**
 * {@code torch.optim.Adam} (no AMSGrad) on ND4J arrays, one state per IR parameter key:
 * <pre>
 *   g ← g + λ·w                      (weight decay, L2 style, on every trainable parameter)
 *   m ← β₁·m + (1−β₁)·g,  v ← β₂·v + (1−β₂)·g²
 *   w ← w − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε)
 * </pre>
 *
 * <p>Why not DL4J's {@code Adam}: its native {@code adam_updater} computes
 * {@code w −= lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε)}, adding ε before the second moment is
 * bias-corrected — PyTorch's update with an effective epsilon of {@code ε/√(1−β₂ᵗ)}, about 30·ε at the
 * first step and still 3·ε after a hundred. DL4J's {@code .l2()} regularization would add λ·w to the
 * gradient as PyTorch does, but only for the parameters DL4J chooses to regularize (not batch-norm
 * gamma/beta). And DL4J keeps one step count for the whole network, while PyTorch counts steps per
 * parameter, which matters after freezing and unfreezing. Keeping the state here, keyed by IR name,
 * also lets the backend rebuild the DL4J graph (to freeze nodes) without losing it.
 *
 * <p>The update itself runs in libnd4j's fused {@code adam_updater} kernel (one native call per
 * parameter), fed the per-step epsilon {@code ε·√(1−β₂ᵗ)} that turns its formula into PyTorch's, as
 * multiplying PyTorch's numerator and denominator by {@code √(1−β₂ᵗ)} shows. Temporaries (weight
 * decay) live in a workspace that is reset every step.
 */
final class TorchAdam {
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.2)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();
    private static final String WORKSPACE_ID = "ferbench_torch_adam";

    private final OptimizerSpec spec;  // betas, epsilon and weight decay; the learning rate may change
    private double learningRate;
    private final Map<String, State> states = new HashMap<>();

    /** First and second moments in the parameter's own shape and order, and the parameter's step count. */
    private static final class State {
        final INDArray mean;
        final INDArray variance;
        int steps;

        State(INDArray parameter) {
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                mean = Nd4j.zeros(parameter.dataType(), parameter.shape());
                variance = Nd4j.zeros(parameter.dataType(), parameter.shape());
            }
        }
    }

    TorchAdam(OptimizerSpec spec) {
        this.spec = AdamSchedule.check("dl4j", spec);
        setLearningRate(spec.learningRate());
    }

    void setLearningRate(double learningRate) {
        this.learningRate = AdamSchedule.checkLearningRate(learningRate);
    }

    double learningRate() {
        return learningRate;
    }

    /** Opens the scratch workspace for one step's updates; close it after the last {@link #update}. */
    MemoryWorkspace scratch() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, WORKSPACE_ID);
    }

    /**
     * One Adam step of parameter {@code key}, in place. {@code gradient} is the mean gradient of the
     * loss; it is used as scratch space.
     */
    void update(String key, INDArray parameter, INDArray gradient) {
        State state = states.get(key);
        if (state == null) {
            state = new State(parameter);
            states.put(key, state);
        }
        int t = ++state.steps;
        if (spec.weightDecay() != 0) gradient.addi(parameter.mul(spec.weightDecay()));
        // libnd4j's fused adam_updater computes lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε') for iteration t−1
        // and leaves that update in the gradient array; with ε' = ε·√(1−β₂ᵗ) this is exactly PyTorch's
        // lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε).
        double epsilonAtStep = AdamSchedule.stepEpsilon(spec.epsilon(), spec.beta2(), t);
        INDArray g = gradient.reshape(state.variance.shape());
        Nd4j.exec(new AdamUpdater(g, state.variance, state.mean, learningRate, spec.beta1(), spec.beta2(),
                epsilonAtStep, t - 1));
        parameter.subi(g.reshape(parameter.shape()));
    }

    /** Steps taken by parameter {@code key} (0 before its first update). */
    int steps(String key) {
        State state = states.get(key);
        return state == null ? 0 : state.steps;
    }

    /** Frees the native moment arrays. */
    void close() {
        for (State s : states.values()) {
            s.mean.close();
            s.variance.close();
        }
        states.clear();
    }
}
