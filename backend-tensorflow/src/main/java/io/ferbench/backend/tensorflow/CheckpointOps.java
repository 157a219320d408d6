package io.ferbench.backend.tensorflow;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.train.Restore;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * Save and restore ops over resource variables ({@code SaveV2}/{@code RestoreV2}, TF's checkpoint
 * format), named exactly as TensorFlow Java's own saver names them: {@code save/filename},
 * {@code save/control_dependency}, {@code save/restore_all}. TF Java's built-in saver handles only
 * reference variables; when it finds ops with these names it uses them instead of adding its own,
 * so {@code Session.save}/{@code restore} and the SavedModel exporter and loader all work on this
 * graph. Built once with the model, never during training.
 */
final class CheckpointOps {
    static final String SCOPE = "save";

    private CheckpointOps() {}

    /** Adds the ops for {@code variables}, stored under their checkpoint keys. */
    static void build(Ops root, List<ResourceVariable> variables) {
        Ops tf = root.withSubScope(SCOPE);
        Placeholder<TString> filename = tf.withName("filename").placeholder(TString.class);
        String[] keys = new String[variables.size()];
        String[] slices = new String[variables.size()];
        List<Operand<?>> values = new ArrayList<>();
        List<Class<? extends TType>> types = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            keys[i] = variables.get(i).checkpointKey();
            slices[i] = "";
            values.add(variables.get(i).read());
            types.add(TFloat32.class);
        }
        Operand<TString> names = tf.array(keys);
        Operand<TString> shapeAndSlices = tf.array(slices);
        Op save = tf.train.save(filename, names, shapeAndSlices, values);
        tf.withControlDependencies(List.of(save)).withName("control_dependency").identity(filename);

        Restore restored = tf.train.restore(filename, names, shapeAndSlices, types);
        List<Op> assigns = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            assigns.add(tf.assignVariableOp(variables.get(i).handle(), restored.tensors().get(i)));
        }
        tf.withControlDependencies(assigns).withName("restore_all").noOp();
    }
}
