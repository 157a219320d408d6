package io.ferbench.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OptimizerSpec;
import io.ferbench.api.ir.GraphBuilder;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import org.junit.jupiter.api.Test;

/**
 * Each op's translation on tiny inputs whose PyTorch result is worked out by hand. Every graph ends
 * in a flatten, so the logits are the op's output in NCHW order.
 */
class OpNumericsTest {
    private static final float EXACT = 0f;

    /** The logits of one sample {@code image} ({@code C×H×W}, NCHW) through {@code graph}. */
    private static float[] run(ModelGraph graph, NamedTensors weights, float... image) {
        Op.Input in = graph.inputOp();
        ModelSpec spec = new ModelSpec(1, weights, OptimizerSpec.adam(1e-3), null);
        try (TfTrainableModel model = Fixtures.build(graph, spec)) {
            return model.predict(new Batch(image, null, 1, in.channels(), in.height(), in.width()), false).logits()[0];
        }
    }

    private static ModelGraph chain(int c, int h, int w, Op... ops) {
        GraphBuilder b = new GraphBuilder("input", c, h, w);
        for (int i = 0; i < ops.length; i++) b.then("op" + i, ops[i]);
        b.then("flatten", new Op.Flatten());
        return b.build("hand-checked", "flatten", "flatten");
    }

    private static float[] range(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return v;
    }

    private static FloatTensor tensor(long[] shape, float... values) {
        return new FloatTensor(shape, values);
    }

    @Test
    void channelShuffleMovesChannelIOfGroupGToTorchsPosition() {
        // torch: x.view(1, 2, 3, 1, 1).transpose(1, 2) -> channels 0 3 1 4 2 5
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5},
                run(chain(6, 1, 1, new Op.ChannelShuffle(2)), new NamedTensors(), range(6)), EXACT);
        // three groups of two: 0 2 4 1 3 5
        assertArrayEquals(new float[] {0, 2, 4, 1, 3, 5},
                run(chain(6, 1, 1, new Op.ChannelShuffle(3)), new NamedTensors(), range(6)), EXACT);
        // with a 1x2 map each channel carries its two values along
        assertArrayEquals(new float[] {0, 1, 6, 7, 2, 3, 8, 9, 4, 5, 10, 11},
                run(chain(6, 1, 2, new Op.ChannelShuffle(2)), new NamedTensors(), range(12)), EXACT);
    }

    @Test
    void channelSplitTakesTorchChunks() {
        ModelGraph second = chain(4, 1, 2, new Op.ChannelSplit(2, 1));
        assertArrayEquals(new float[] {4, 5, 6, 7}, run(second, new NamedTensors(), range(8)), EXACT);
        ModelGraph first = chain(6, 1, 1, new Op.ChannelSplit(3, 0));
        assertArrayEquals(new float[] {0, 1}, run(first, new NamedTensors(), range(6)), EXACT);
    }

    @Test
    void flattenKeepsNchwOrder() {
        assertArrayEquals(range(12), run(chain(3, 2, 2), new NamedTensors(), range(12)), EXACT);
    }

    @Test
    void stridedConvolutionPadsSymmetricallyLikePyTorch() {
        // 4x4 input 1..16, 3x3 kernel, stride 2, padding 1: PyTorch's windows start at row/column -1.
        // TF's SAME would pad only after (rows 0..2 and 2..4), which gives other numbers.
        ModelGraph graph = chain(1, 4, 4, new Op.Conv2d(2, 3, 2, 1, 1, true));
        float[] kernels = new float[2 * 9];
        for (int i = 0; i < 9; i++) kernels[i] = 1;   // channel 0: sum of the window
        kernels[9 + 2 * 3] = 1;                        // channel 1: bottom-left tap (kh = 2, kw = 0)
        NamedTensors w = new NamedTensors()
                .put("op0.weight", tensor(new long[] {2, 1, 3, 3}, kernels))
                .put("op0.bias", tensor(new long[] {2}, 0.5f, -1f));
        float[] image = new float[16];
        for (int i = 0; i < 16; i++) image[i] = i + 1;
        // channel 0: 1+2+5+6, 2+3+4+6+7+8, 5+6+9+10+13+14, 6+7+8+10+11+12+14+15+16 (+0.5)
        // channel 1: x(2·oh+1, 2·ow-1) = 0 (padding), 6, 0, 14 (-1)
        assertArrayEquals(new float[] {14.5f, 30.5f, 57.5f, 99.5f, -1, 5, -1, 13}, run(graph, w, image), EXACT);
    }

    @Test
    void depthwiseConvolutionKeepsTorchsOutputChannelOrder() {
        // groups = in = 2, out = 4: output channel o reads input channel o / 2
        ModelGraph graph = chain(2, 1, 1, new Op.Conv2d(4, 1, 1, 0, 2, false));
        NamedTensors w = new NamedTensors().put("op0.weight", tensor(new long[] {4, 1, 1, 1}, 1, 10, 100, 1000));
        assertArrayEquals(new float[] {2, 20, 300, 3000}, run(graph, w, 2, 3), EXACT);
    }

    @Test
    void threeByThreeKernelsAreNotTransposedOrFlipped() {
        // a single tap at (kh = 0, kw = 2): y(h, w) = x(h - 1, w + 1), zero outside
        float[] tapTopRight = new float[9];
        tapTopRight[2] = 1;
        ModelGraph plain = chain(1, 3, 3, new Op.Conv2d(1, 3, 1, 1, 1, false));
        NamedTensors w = new NamedTensors().put("op0.weight", tensor(new long[] {1, 1, 3, 3}, tapTopRight));
        assertArrayEquals(new float[] {0, 0, 0, 1, 2, 0, 4, 5, 0}, run(plain, w, range(9)), EXACT);

        // depthwise, two channels: channel 1's tap at (kh = 2, kw = 0): y(h, w) = x(h + 1, w - 1)
        float[] kernels = new float[18];
        kernels[2] = 1;
        kernels[9 + 6] = 1;
        ModelGraph depthwise = chain(2, 3, 3, new Op.Conv2d(2, 3, 1, 1, 2, false));
        NamedTensors dw = new NamedTensors().put("op0.weight", tensor(new long[] {2, 1, 3, 3}, kernels));
        assertArrayEquals(new float[] {0, 0, 0, 1, 2, 0, 4, 5, 0, 0, 12, 13, 0, 15, 16, 0, 0, 0},
                run(depthwise, dw, range(18)), EXACT);
    }

    @Test
    void groupedConvolutionPairsInputAndOutputGroupsLikeTorch() {
        // groups = 2 of 2 input and 1 output channel each (neither plain nor depthwise)
        ModelGraph graph = chain(4, 1, 1, new Op.Conv2d(2, 1, 1, 0, 2, false));
        NamedTensors w = new NamedTensors().put("op0.weight", tensor(new long[] {2, 2, 1, 1}, 1, 10, 100, 1000));
        assertArrayEquals(new float[] {1 + 2 * 10, 3 * 100 + 4 * 1000}, run(graph, w, 1, 2, 3, 4), EXACT);
    }

    @Test
    void maxPoolPaddingNeverWins() {
        // all-negative 2x2 input, kernel 2, stride 2, padding 1: each window holds one real value;
        // zero padding would turn every output into 0
        ModelGraph graph = chain(1, 2, 2, new Op.MaxPool(2, 2, 1));
        assertArrayEquals(new float[] {-5, -3, -2, -4}, run(graph, new NamedTensors(), -5, -3, -2, -4), EXACT);
        ModelGraph wide = chain(1, 2, 2, new Op.MaxPool(3, 2, 1));
        assertArrayEquals(new float[] {-2}, run(wide, new NamedTensors(), -5, -3, -2, -4), EXACT);
    }

    @Test
    void globalAveragePoolAveragesEachChannel() {
        assertArrayEquals(new float[] {1.5f, 5.5f}, run(chain(2, 2, 2, new Op.GlobalAvgPool()), new NamedTensors(),
                range(8)), EXACT);
    }

    @Test
    void denseUsesTorchsOutByInWeight() {
        GraphBuilder b = new GraphBuilder("input", 3, 1, 1);
        b.then("flatten", new Op.Flatten()).then("fc", new Op.Dense(2, true));
        ModelGraph graph = b.build("dense", "fc", "flatten");
        NamedTensors w = new NamedTensors()
                .put("fc.weight", tensor(new long[] {2, 3}, 1, 2, 3, 4, 5, 6))
                .put("fc.bias", tensor(new long[] {2}, 0.5f, -0.5f));
        assertArrayEquals(new float[] {1 + 2 + 6 + 0.5f, 4 + 5 + 12 - 0.5f}, run(graph, w, 1, 1, 2), EXACT);
    }

    @Test
    void batchNormInEvaluationUsesRunningStatisticsAndEps() {
        NamedTensors w = new NamedTensors()
                .put("op0.weight", tensor(new long[] {2}, 2, 3))
                .put("op0.bias", tensor(new long[] {2}, 0.5f, 1))
                .put("op0.running_mean", tensor(new long[] {2}, 0, 1))
                .put("op0.running_var", tensor(new long[] {2}, 1, 4));
        float[] expected = {(float) (1 / Math.sqrt(1 + 0.25) * 2 + 0.5), (float) ((2 - 1) / Math.sqrt(4 + 0.25) * 3 + 1)};
        assertArrayEquals(expected, run(chain(2, 1, 1, new Op.BatchNorm(0.25, 0.1)), w, 1, 2), 1e-6f);

        // on a flat vector (after a flatten) as well
        GraphBuilder b = new GraphBuilder("input", 2, 1, 1);
        b.then("flatten", new Op.Flatten()).then("op0", new Op.BatchNorm(0.25, 0.1));
        assertArrayEquals(expected, run(b.build("bn1d", "op0", "op0"), w, 1, 2), 1e-6f);
    }

    @Test
    void activationsAndSums() {
        float[] x = {-2, 0.5f, 7};
        assertArrayEquals(new float[] {0, 0.5f, 7}, run(chain(3, 1, 1, new Op.Relu()), new NamedTensors(), x), EXACT);
        assertArrayEquals(new float[] {0, 0.5f, 6}, run(chain(3, 1, 1, new Op.Relu6()), new NamedTensors(), x), EXACT);

        GraphBuilder b = new GraphBuilder("input", 2, 1, 1);
        b.add("a", new Op.Relu(), "input");
        b.add("b", new Op.Relu6(), "input");
        b.add("sum", new Op.Add(), "input", "a", "b");
        b.add("cat", new Op.Concat(), "sum", "input");
        b.then("flatten", new Op.Flatten());
        // x + relu(x) + relu6(x), then x again after it along channels
        assertArrayEquals(new float[] {-3, 22, -3, 8}, run(b.build("sums", "flatten", "flatten"), new NamedTensors(), -3, 8),
                EXACT);
    }
}
