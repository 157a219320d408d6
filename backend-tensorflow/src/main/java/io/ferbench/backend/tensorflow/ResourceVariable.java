package io.ferbench.backend.tensorflow;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;

/**
 * A float32 resource variable with the ops to read it and to set it from Java.
 *
 * <p>Resource variables, not the older reference variables: an update kernel copies the buffer when
 * a reader still holds it, so within one step every op sees the value read at the step's start
 * however the executor orders the update; and every variable has exactly one read op, shared by all
 * paths through the graph.
 *
 * @param checkpointKey  the name it has in checkpoints and SavedModels
 * @param shape          its TensorFlow shape
 * @param handle         the {@code VarHandleOp}
 * @param read           the one {@code ReadVariableOp} everything reads it through
 * @param feed           a placeholder whose value {@link #assignFed} stores
 * @param assignFed      stores the value fed to {@link #feed}
 */
record ResourceVariable(String checkpointKey, Shape shape, Operand<?> handle, Operand<TFloat32> read,
                        Placeholder<TFloat32> feed, Op assignFed) {

    /**
     * Creates the variable's ops at the root of {@code tf}'s graph, named {@code opName} (which must be
     * unique in the graph; it is also the resource's shared name, so two variables never alias).
     */
    static ResourceVariable create(Ops tf, String opName, String checkpointKey, long[] dimensions) {
        Shape shape = Shape.of(dimensions);
        Operand<?> handle = tf.withName(opName).varHandleOp(TFloat32.class, shape, VarHandleOp.sharedName(opName));
        Operand<TFloat32> read = tf.withName(opName + ".read").readVariableOp(handle, TFloat32.class);
        Placeholder<TFloat32> feed = tf.withName(opName + ".feed").placeholder(TFloat32.class, Placeholder.shape(shape));
        Op assign = tf.withName(opName + ".assign").assignVariableOp(handle, feed);
        return new ResourceVariable(checkpointKey, shape, handle, read, feed, assign);
    }
}
