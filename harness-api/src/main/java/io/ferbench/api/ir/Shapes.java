package io.ferbench.api.ir;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shape inference and validation. Shapes are per sample, without the batch dimension:
 * {@code [C, H, W]} for feature maps and {@code [F]} after {@link Op.Flatten} or {@link Op.Dense}.
 * Every rule follows PyTorch (floor rounding for convolution and pooling, chunk semantics for
 * channel split), so a graph accepted here compiles to the same shapes on every backend.
 */
public final class Shapes {
    private Shapes() {}

    /**
     * Output shape of every node, in graph order.
     *
     * @throws IllegalArgumentException naming the node when an input does not fit its op
     */
    public static Map<String, long[]> infer(ModelGraph graph) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (Node node : graph.nodes()) {
            List<long[]> inputs = node.inputs().stream().map(shapes::get).toList();
            shapes.put(node.name(), new Rule(node, inputs).output());
        }
        requireVector(graph.node(graph.output()), shapes, "output (logits)");
        requireVector(graph.node(graph.features()), shapes, "features");
        return Collections.unmodifiableMap(shapes);
    }

    /** Formats a shape as {@code [64, 56, 56]}. */
    public static String format(long[] shape) {
        return Arrays.toString(shape);
    }

    private static void requireVector(Node node, Map<String, long[]> shapes, String role) {
        long[] shape = shapes.get(node.name());
        if (shape.length != 1) {
            throw new IllegalArgumentException("node '" + node.name() + "' is the graph's " + role
                    + " node and must yield a flat vector [F], but yields " + format(shape)
                    + " (add a flatten node)");
        }
    }

    /** The shape rule of one node, with error messages that name it. */
    private record Rule(Node node, List<long[]> inputs) {

        long[] output() {
            // instanceof chain: pattern matching for switch is not final in Java 17
            Op op = node.op();
            if (op instanceof Op.Input in) return input(in);
            if (op instanceof Op.Conv2d conv) return conv(conv);
            if (op instanceof Op.BatchNorm bn) return batchNorm(bn);
            if (op instanceof Op.Relu || op instanceof Op.Relu6) return single();
            if (op instanceof Op.Dropout d) return dropout(d);
            if (op instanceof Op.Add) return add();
            if (op instanceof Op.Concat) return concat();
            if (op instanceof Op.ChannelSplit s) return split(s);
            if (op instanceof Op.ChannelShuffle s) return shuffle(s);
            if (op instanceof Op.MaxPool p) return maxPool(p);
            if (op instanceof Op.GlobalAvgPool) return new long[] {map()[0], 1, 1};
            if (op instanceof Op.Flatten) return new long[] {product(single())};
            if (op instanceof Op.Dense d) return dense(d);
            throw new IllegalStateException("no shape rule for " + op);
        }

        private long[] input(Op.Input in) {
            if (!inputs.isEmpty()) fail("an input node reads nothing, but it lists " + node.inputs());
            if (in.channels() < 1 || in.height() < 1 || in.width() < 1) {
                fail("input must be at least 1x1x1, got " + in.channels() + "x" + in.height() + "x" + in.width());
            }
            return new long[] {in.channels(), in.height(), in.width()};
        }

        private long[] conv(Op.Conv2d c) {
            long[] in = map();
            positive("outChannels", c.outChannels());
            positive("kernel", c.kernel());
            positive("stride", c.stride());
            positive("groups", c.groups());
            if (c.padding() < 0) fail("padding must be >= 0, got " + c.padding());
            if (in[0] % c.groups() != 0) {
                fail("groups=" + c.groups() + " must divide the input channels " + in[0]);
            }
            if (c.outChannels() % c.groups() != 0) {
                fail("groups=" + c.groups() + " must divide the output channels " + c.outChannels());
            }
            return new long[] {c.outChannels(),
                    window(in[1], c.kernel(), c.stride(), c.padding(), "height"),
                    window(in[2], c.kernel(), c.stride(), c.padding(), "width")};
        }

        private long[] batchNorm(Op.BatchNorm bn) {
            long[] in = single();
            if (!(bn.eps() > 0)) fail("eps must be > 0, got " + bn.eps());
            if (!(bn.momentum() >= 0 && bn.momentum() <= 1)) {
                fail("momentum must be in [0, 1] (PyTorch convention, usually 0.1), got " + bn.momentum());
            }
            if (in.length != 3 && in.length != 1) fail("expects [C, H, W] or [F], got " + format(in));
            return in;
        }

        private long[] dropout(Op.Dropout d) {
            if (!(d.p() >= 0 && d.p() < 1)) fail("drop probability must be in [0, 1), got " + d.p());
            return single();
        }

        private long[] add() {
            if (inputs.size() < 2) fail("add needs at least two inputs, got " + inputs.size());
            long[] first = inputs.get(0);
            for (int i = 1; i < inputs.size(); i++) {
                long[] other = inputs.get(i);
                if (!Arrays.equals(first, other)) {
                    String what = first.length == other.length && first.length > 0 && first[0] != other[0]
                            ? "channel mismatch: " : "shape mismatch: ";
                    fail(what + "'" + node.inputs().get(0) + "' is " + format(first) + " but '"
                            + node.inputs().get(i) + "' is " + format(other));
                }
            }
            return first.clone();
        }

        private long[] concat() {
            if (inputs.isEmpty()) fail("concat needs at least one input");
            long[] first = mapAt(0);
            long channels = 0;
            for (int i = 0; i < inputs.size(); i++) {
                long[] in = mapAt(i);
                if (in[1] != first[1] || in[2] != first[2]) {
                    fail("spatial size mismatch: '" + node.inputs().get(0) + "' is " + format(first) + " but '"
                            + node.inputs().get(i) + "' is " + format(in));
                }
                channels += in[0];
            }
            return new long[] {channels, first[1], first[2]};
        }

        private long[] split(Op.ChannelSplit s) {
            long[] in = map();
            positive("parts", s.parts());
            if (s.index() < 0 || s.index() >= s.parts()) {
                fail("index must be in [0, " + (s.parts() - 1) + "], got " + s.index());
            }
            if (in[0] % s.parts() != 0) {
                fail("cannot split " + in[0] + " channels into " + s.parts() + " equal parts");
            }
            return new long[] {in[0] / s.parts(), in[1], in[2]};
        }

        private long[] shuffle(Op.ChannelShuffle s) {
            long[] in = map();
            positive("groups", s.groups());
            if (in[0] % s.groups() != 0) fail("groups=" + s.groups() + " must divide the " + in[0] + " channels");
            return in;
        }

        private long[] maxPool(Op.MaxPool p) {
            long[] in = map();
            positive("kernel", p.kernel());
            positive("stride", p.stride());
            // PyTorch's rule: every window must hold at least one real (unpadded) value.
            if (p.padding() < 0 || p.padding() > p.kernel() / 2) {
                fail("padding must be in [0, kernel/2] = [0, " + p.kernel() / 2 + "], got " + p.padding());
            }
            return new long[] {in[0],
                    window(in[1], p.kernel(), p.stride(), p.padding(), "height"),
                    window(in[2], p.kernel(), p.stride(), p.padding(), "width")};
        }

        private long[] dense(Op.Dense d) {
            long[] in = single();
            positive("outFeatures", d.outFeatures());
            if (in.length != 1) fail("dense expects a flat vector [F]; input is " + format(in) + " (add a flatten node)");
            return new long[] {d.outFeatures()};
        }

        /** Output length of a sliding window, floor rounding as in PyTorch. */
        private long window(long size, int kernel, int stride, int padding, String axis) {
            long span = size + 2L * padding - kernel;
            if (span < 0) {
                fail("kernel " + kernel + " does not fit the " + axis + " " + size + " (padding " + padding
                        + "); the input image is too small for this architecture");
            }
            return span / stride + 1;
        }

        private long[] single() {
            if (inputs.size() != 1) fail("expects exactly one input, got " + inputs.size() + " " + node.inputs());
            return inputs.get(0);
        }

        private long[] map() {
            single();
            return mapAt(0);
        }

        private long[] mapAt(int i) {
            long[] in = inputs.get(i);
            if (in.length != 3) {
                fail("expects a feature map [C, H, W] from '" + node.inputs().get(i) + "', got " + format(in));
            }
            return in;
        }

        private void positive(String what, int value) {
            if (value < 1) fail(what + " must be >= 1, got " + value);
        }

        private static long product(long[] shape) {
            long n = 1;
            for (long d : shape) n *= d;
            return n;
        }

        private void fail(String problem) {
            throw new IllegalArgumentException("node '" + node.name() + "' (" + node.op().getClass().getSimpleName()
                    + "): " + problem);
        }
    }
}
