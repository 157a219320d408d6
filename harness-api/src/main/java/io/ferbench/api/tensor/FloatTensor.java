package io.ferbench.api.tensor;

import java.util.Arrays;

/** A dense row-major float32 tensor: the unit of weight exchange between backends. */
public record FloatTensor(long[] shape, float[] data) {
    public FloatTensor {
        shape = shape.clone();
        long n = 1;
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " values but " + data.length + " were given");
        }
    }

    public long size() { return data.length; }

    @Override public long[] shape() { return shape.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof FloatTensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data); }

    @Override public String toString() { return "FloatTensor" + Arrays.toString(shape); }
}
