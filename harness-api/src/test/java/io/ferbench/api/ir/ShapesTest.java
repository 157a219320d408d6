package io.ferbench.api.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ShapesTest {

    private static final Op.BatchNorm BN = new Op.BatchNorm(1e-5, 0.1);

    /** A graph on a {@code channels×16×16} input, extended by {@code body}, ending in flatten + dense. */
    private static ModelGraph graph(int channels, Consumer<GraphBuilder> body) {
        GraphBuilder b = new GraphBuilder("input", channels, 16, 16);
        body.accept(b);
        b.then("pool", new Op.GlobalAvgPool()).then("flatten", new Op.Flatten()).then("fc", new Op.Dense(5, true));
        return b.build("test", "fc", "flatten");
    }

    private static void assertRejected(ModelGraph g, String node, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shapes.infer(g));
        assertTrue(e.getMessage().startsWith("node '" + node + "'"), e.getMessage());
        for (String f : fragments) assertTrue(e.getMessage().contains(f), e.getMessage());
    }

    @Test
    void followsPyTorchArithmeticForEveryOp() {
        ModelGraph g = graph(3, b -> {
            b.then("conv", new Op.Conv2d(8, 3, 2, 1, 1, false));          // (16 + 2 - 3) / 2 + 1 = 8
            b.then("bn", BN).then("relu", new Op.Relu6());
            b.then("pool7", new Op.MaxPool(3, 2, 1));                     // (8 + 2 - 3) / 2 + 1 = 4
            b.add("left", new Op.ChannelSplit(2, 0), "pool7");
            b.add("right", new Op.ChannelSplit(2, 1), "pool7");
            b.add("dw", new Op.Conv2d(4, 3, 1, 1, 4, true), "right");
            b.add("cat", new Op.Concat(), "left", "dw", "right");
            b.then("shuffle", new Op.ChannelShuffle(3));
            b.then("proj", new Op.Conv2d(8, 1, 1, 0, 1, false));
            b.add("sum", new Op.Add(), "proj", "pool7");
            b.then("drop", new Op.Dropout(0.5));
        });
        Map<String, long[]> s = Shapes.infer(g);
        assertArrayEquals(new long[] {3, 16, 16}, s.get("input"));
        assertArrayEquals(new long[] {8, 8, 8}, s.get("conv"));
        assertArrayEquals(new long[] {8, 4, 4}, s.get("pool7"));
        assertArrayEquals(new long[] {4, 4, 4}, s.get("right"));
        assertArrayEquals(new long[] {12, 4, 4}, s.get("cat"));
        assertArrayEquals(new long[] {8, 4, 4}, s.get("sum"));
        assertArrayEquals(new long[] {8, 1, 1}, s.get("pool"));
        assertArrayEquals(new long[] {8}, s.get("flatten"));
        assertArrayEquals(new long[] {5}, s.get("fc"));
        assertEquals(List.copyOf(s.keySet()), g.nodes().stream().map(Node::name).toList(), "graph order");
    }

    @Test
    void addWithDifferentChannelsNamesTheNodeAndBothInputs() {
        ModelGraph g = graph(3, b -> {
            b.then("a", new Op.Conv2d(8, 3, 1, 1, 1, false));
            b.add("b", new Op.Conv2d(16, 3, 1, 1, 1, false), "input");
            b.add("block.add", new Op.Add(), "a", "b");
        });
        assertRejected(g, "block.add", "channel mismatch", "'a' is [8, 16, 16]", "'b' is [16, 16, 16]");
    }

    @Test
    void groupsMustDivideInputAndOutputChannels() {
        assertRejected(graph(6, b -> b.then("dw", new Op.Conv2d(8, 3, 1, 1, 4, false))),
                "dw", "groups=4", "input channels 6");
        assertRejected(graph(8, b -> b.then("dw", new Op.Conv2d(6, 3, 1, 1, 4, false))),
                "dw", "groups=4", "output channels 6");
    }

    @Test
    void splitAndShuffleNeedDivisibleChannels() {
        assertRejected(graph(3, b -> b.then("half", new Op.ChannelSplit(2, 0))), "half", "3 channels", "2 equal parts");
        assertRejected(graph(4, b -> b.then("third", new Op.ChannelSplit(2, 2))), "third", "index");
        assertRejected(graph(3, b -> b.then("mix", new Op.ChannelShuffle(2))), "mix", "groups=2", "3 channels");
    }

    @Test
    void concatNeedsMatchingSpatialSize() {
        ModelGraph g = graph(3, b -> {
            b.then("down", new Op.Conv2d(3, 3, 2, 1, 1, false));
            b.add("join", new Op.Concat(), "input", "down");
        });
        assertRejected(g, "join", "spatial size mismatch");
    }

    @Test
    void kernelLargerThanThePaddedInputIsReportedAsTooSmallAnImage() {
        assertRejected(graph(3, b -> b.then("big", new Op.Conv2d(4, 17, 1, 0, 1, false))), "big", "too small");
    }

    @Test
    void maxPoolPaddingIsLimitedToHalfTheKernel() {
        assertRejected(graph(3, b -> b.then("mp", new Op.MaxPool(3, 2, 2))), "mp", "padding");
    }

    @Test
    void denseNeedsAFlatInputAndOpsTheirArity() {
        GraphBuilder b = new GraphBuilder("input", 3, 8, 8);
        b.then("fc", new Op.Dense(4, true)).then("flatten", new Op.Flatten());
        assertRejected(b.build("t", "flatten", "flatten"), "fc", "flatten");

        GraphBuilder c = new GraphBuilder("input", 3, 8, 8);
        c.add("sum", new Op.Add(), "input");
        c.then("flatten", new Op.Flatten());
        assertRejected(c.build("t", "flatten", "flatten"), "sum", "at least two inputs");
    }

    @Test
    void outputAndFeaturesMustBeVectors() {
        GraphBuilder b = new GraphBuilder("input", 3, 8, 8);
        b.then("conv", new Op.Conv2d(4, 3, 1, 1, 1, false)).then("flatten", new Op.Flatten());
        assertRejected(b.build("t", "flatten", "conv"), "conv", "features", "[4, 8, 8]");
        assertRejected(b.build("t", "conv", "flatten"), "conv", "output");
    }

    @Test
    void badHyperparametersAreRejected() {
        assertRejected(graph(3, b -> b.then("bn", new Op.BatchNorm(1e-5, 1.5))), "bn", "momentum");
        assertRejected(graph(3, b -> b.then("drop", new Op.Dropout(1.0))), "drop", "[0, 1)");
        assertRejected(graph(3, b -> b.then("conv", new Op.Conv2d(0, 3, 1, 1, 1, false))), "conv", "outChannels");
    }
}
