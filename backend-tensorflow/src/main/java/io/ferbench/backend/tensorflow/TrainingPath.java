package io.ferbench.backend.tensorflow;

import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.ParameterDef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Everything one training step runs for one frozen set, built once and reused for every step with
 * that set: a training-mode forward pass (frozen batch norms in inference mode), the loss, its
 * gradients with respect to the unfrozen trainable parameters only ({@link Graph#addGradients}, not
 * an optimizer's minimize, which would also differentiate the running statistics), their Adam
 * updates and the running-statistics updates of the unfrozen batch norms.
 *
 * <p>{@link #loss()} is an identity of the loss with every update as a control dependency: fetching
 * it runs the whole step and yields the loss computed before the step.
 */
final class TrainingPath {
    private final Set<String> frozenNodes;
    private final Operand<TFloat32> loss;

    private TrainingPath(Set<String> frozenNodes, Operand<TFloat32> loss) {
        this.frozenNodes = frozenNodes;
        this.loss = loss;
    }

    /**
     * Adds the path under the scope {@code name} of {@code root}.
     *
     * @param frozenNodes  IR nodes whose parameters are not updated and whose batch norm keeps its statistics
     * @param seed         op seed of the dropout masks
     */
    static TrainingPath build(Graph graph, Ops root, String name, ModelGraph model, Map<String, long[]> shapes,
                              ModelVariables variables, TorchAdam adam, CrossEntropyLoss lossFunction,
                              Operand<TFloat32> images, Operand<TInt32> labels, Set<String> frozenNodes, long seed) {
        Ops tf = root.withSubScope(name);
        ForwardPass.Outputs out = ForwardPass.build(tf, model, shapes, variables, images,
                ForwardPass.Mode.training(frozenNodes, seed));
        Operand<TFloat32> loss = lossFunction.build(tf.withSubScope("loss"), out.logits(), labels);

        // as in PyTorch, a parameter the loss does not depend on has no gradient and is not stepped
        Set<String> feedLoss = ancestors(model, model.output());
        List<ModelVariables.Parameter> trained = new ArrayList<>();
        for (ModelVariables.Parameter p : variables.all()) {
            String node = p.def().node();
            if (p.def().trainable() && !frozenNodes.contains(node) && feedLoss.contains(node)) trained.add(p);
        }
        List<Op> updates = new ArrayList<>();
        if (!trained.isEmpty()) {
            Output<?>[] xs = new Output<?>[trained.size()];
            for (int i = 0; i < xs.length; i++) xs[i] = trained.get(i).read().asOutput();
            Output<?>[] gradients = graph.addGradients(name + "_gradients", new Output<?>[] {loss.asOutput()}, xs, null);
            Ops adamScope = tf.withSubScope("adam");
            for (int i = 0; i < xs.length; i++) {
                @SuppressWarnings("unchecked")
                Operand<TFloat32> gradient = (Operand<TFloat32>) gradients[i];
                updates.addAll(adam.update(adamScope, trained.get(i), gradient));
            }
        }
        Ops statsScope = tf.withSubScope("running_statistics");
        for (ForwardPass.BatchStatistics stats : out.batchStatistics()) {
            float momentum = (float) stats.op().momentum();
            updates.add(movingAverage(statsScope, variables.get(stats.node(), ParameterDef.RUNNING_MEAN), stats.mean(), momentum));
            updates.add(movingAverage(statsScope, variables.get(stats.node(), ParameterDef.RUNNING_VAR), stats.variance(), momentum));
        }
        Operand<TFloat32> step = tf.withControlDependencies(updates).withName("loss_before_step").identity(loss);
        return new TrainingPath(Set.copyOf(frozenNodes), step);
    }

    /** {@code node} and every node it reads, directly or not. */
    private static Set<String> ancestors(ModelGraph model, String node) {
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(node));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (seen.add(name)) pending.addAll(model.node(name).inputs());
        }
        return seen;
    }

    /** PyTorch's {@code running = (1 - momentum)·running + momentum·batch}. */
    private static Op movingAverage(Ops tf, ModelVariables.Parameter running, Operand<TFloat32> batch, float momentum) {
        Operand<TFloat32> updated = tf.math.add(tf.math.mul(running.read(), tf.constant(1f - momentum)),
                tf.math.mul(batch, tf.constant(momentum)));
        return tf.assignVariableOp(running.variable().handle(), updated);
    }

    Set<String> frozenNodes() { return frozenNodes; }

    /** Fetching it runs one step and yields the loss before that step. */
    Operand<TFloat32> loss() { return loss; }
}
