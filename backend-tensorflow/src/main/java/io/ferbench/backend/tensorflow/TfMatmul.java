package io.ferbench.backend.tensorflow;

import io.ferbench.api.backend.GemmKernel;
import io.ferbench.api.backend.Matmul;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The peak's product in a graph of its own, under the models' session configuration, through {@code MatMul} or as a
 * 1×1 {@code Conv2D} (the op of the models' convolutions): A as one NHWC image of 1 × n pixels with n channels, B as
 * the 1×1 filters from n channels to n. The matrices live in resource variables (set once, so a timed run copies
 * nothing in, and no constant folding can precompute the product), and a timed run asks for the product as a target,
 * so nothing is copied out either.
 */
final class TfMatmul implements Matmul {
    private final int n;
    private final Graph graph = new Graph();
    private final Session session;
    private final Operand<TFloat32> product;

    TfMatmul(float[] a, float[] b, int n, GemmKernel kernel, ConfigProto sessionConfig) {
        this.n = n;
        Session started = null;
        try {
            Ops tf = Ops.create(graph);
            boolean pointwise = kernel == GemmKernel.CONVOLUTION_1X1;
            long[] dimensions = pointwise ? new long[] {1, 1, n, n} : new long[] {n, n};
            ResourceVariable left = ResourceVariable.create(tf, "peak_a", "a", dimensions);
            ResourceVariable right = ResourceVariable.create(tf, "peak_b", "b", dimensions);
            product = pointwise
                    ? tf.withName("peak_product").nn.conv2d(left.read(), right.read(), List.of(1L, 1L, 1L, 1L), "VALID")
                    : tf.withName("peak_product").linalg.matMul(left.read(), right.read());
            started = new Session(graph, sessionConfig);
            try (TFloat32 ta = Tensors.floats(Shape.of(dimensions), a);
                 TFloat32 tb = Tensors.floats(Shape.of(dimensions), b)) {
                started.runner().feed(left.feed(), ta).addTarget(left.assignFed())
                        .feed(right.feed(), tb).addTarget(right.assignFed()).run().close();
            }
            this.session = started;
        } catch (RuntimeException e) {
            if (started != null) started.close();
            graph.close();
            throw e;
        }
    }

    @Override public int size() { return n; }

    @Override
    public void run() {
        session.runner().addTarget(product).run().close();
    }

    @Override
    public float[] result() {
        try (Result r = session.runner().fetch(product).run()) {
            return Tensors.copy(r.get(0));
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
