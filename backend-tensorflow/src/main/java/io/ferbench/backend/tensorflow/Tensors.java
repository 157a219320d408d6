package io.ferbench.backend.tensorflow;

import java.util.Arrays;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Copies between Java arrays and TensorFlow tensors; the caller closes every tensor it gets. */
final class Tensors {
    private Tensors() {}

    static TFloat32 floats(Shape shape, float[] values) {
        return TFloat32.tensorOf(shape, DataBuffers.of(values, true, false));
    }

    static TInt32 ints(int[] values) {
        return TInt32.tensorOf(Shape.of(values.length), DataBuffers.of(values, true, false));
    }

    /**
     * A copy of the tensor's values: a fetched variable can be a view of the variable's own buffer,
     * which the next step overwrites.
     */
    static float[] copy(Tensor tensor) {
        TFloat32 t = (TFloat32) tensor;
        float[] out = new float[Math.toIntExact(t.shape().size())];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }

    static float scalar(Tensor tensor) {
        return ((TFloat32) tensor).getFloat();
    }

    /** A {@code [rows, columns]} tensor as one array per row. */
    static float[][] rows(Tensor tensor) {
        long[] dims = tensor.shape().asArray();
        if (dims.length != 2) throw new IllegalStateException("expected a matrix, got shape " + Arrays.toString(dims));
        float[] flat = copy(tensor);
        int n = Math.toIntExact(dims[0]);
        int width = Math.toIntExact(dims[1]);
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) rows[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        return rows;
    }
}
