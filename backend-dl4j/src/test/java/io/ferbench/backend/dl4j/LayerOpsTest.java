package io.ferbench.backend.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.ferbench.api.backend.Batch;
import io.ferbench.api.ir.GraphBuilder;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.FloatTensor;
import io.ferbench.api.tensor.NamedTensors;
import io.ferbench.api.backend.ModelSpec;
import io.ferbench.api.backend.OptimizerSpec;
import org.junit.jupiter.api.Test;

/**
 * Each op's DL4J translation against values worked out by hand with PyTorch's definition: the op under
 * test feeds a flatten node (the graph's features, read back with {@code predict}) and a dense head.
 */
class LayerOpsTest {

    /** Runs {@code op} on one sample of shape {@code c×h×w}; returns the flattened output. */
    private static float[] run(int c, int h, int w, Op op, float[] input, NamedTensors weights) {
        GraphBuilder b = new GraphBuilder("input", c, h, w);
        b.then("op", op).then("flatten", new Op.Flatten()).then("fc", new Op.Dense(2, true));
        ModelGraph graph = b.build("ops", "fc", "flatten");
        NamedTensors initial = WeightInitializer.initialise(graph, 1);
        if (weights != null) weights.asMap().forEach(initial::put);
        ModelSpec spec = new ModelSpec(1, initial, OptimizerSpec.adam(1e-3), null);
        try (var model = Fixtures.backend().build(graph, spec)) {
            return model.predict(new Batch(input, null, 1, c, h, w), true).features()[0];
        }
    }

    private static float[] range(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = i;
        return v;
    }

    @Test
    void channelShuffleInterleavesTheGroups() {
        // 6 channels in 2 groups: (0 1 2)(3 4 5) -> 0 3 1 4 2 5
        float[] out = run(6, 1, 1, new Op.ChannelShuffle(2), range(6), null);
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, out);
        // 6 channels in 3 groups: (0 1)(2 3)(4 5) -> 0 2 4 1 3 5
        assertArrayEquals(new float[] {0, 2, 4, 1, 3, 5}, run(6, 1, 1, new Op.ChannelShuffle(3), range(6), null));
    }

    @Test
    void channelSplitTakesTheIndexedChunk() {
        float[] input = range(8);  // 4 channels of 1x2
        assertArrayEquals(new float[] {4, 5, 6, 7}, run(4, 1, 2, new Op.ChannelSplit(2, 1), input, null));
        assertArrayEquals(new float[] {0, 1, 2, 3}, run(4, 1, 2, new Op.ChannelSplit(2, 0), input, null));
    }

    @Test
    void maxPoolIgnoresPaddingLikePyTorch() {
        // all values negative: zero padding would win every window; PyTorch pads with -inf
        float[] input = {-9, -8, -7, -6, -5, -4, -3, -2, -1};  // 3x3
        float[] out = run(1, 3, 3, new Op.MaxPool(3, 2, 1), input, null);
        assertArrayEquals(new float[] {-5, -4, -2, -1}, out);
    }

    @Test
    void relu6ClampsToZeroAndSix() {
        float[] out = run(1, 1, 4, new Op.Relu6(), new float[] {-1, 3, 6, 7.5f}, null);
        assertArrayEquals(new float[] {0, 3, 6, 6}, out);
    }

    @Test
    void convolutionUsesOihwWeightsAndSymmetricPadding() {
        // 1 -> 2 channels, 3x3 kernel, padding 1, on a 2x2 input; weight [out, in, kh, kw]
        float[] weight = new float[18];
        weight[4] = 1;         // out 0: centre tap -> identity
        weight[9 + 5] = 1;     // out 1: (kh=1, kw=2) tap -> value to the right, zero past the edge
        NamedTensors w = new NamedTensors()
                .put("op.weight", new FloatTensor(new long[] {2, 1, 3, 3}, weight))
                .put("op.bias", new FloatTensor(new long[] {2}, new float[] {0, 10}));
        float[] out = run(1, 2, 2, new Op.Conv2d(2, 3, 1, 1, 1, true), new float[] {1, 2, 3, 4}, w);
        assertArrayEquals(new float[] {1, 2, 3, 4, 12, 10, 14, 10}, out);
    }

    @Test
    void depthwiseConvolutionWithMultiplierFollowsPyTorchGroups() {
        // groups = 2 input channels, 4 outputs: output o reads input channel o / 2; 1x1 kernels scale it
        NamedTensors w = new NamedTensors()
                .put("op.weight", new FloatTensor(new long[] {4, 1, 1, 1}, new float[] {1, 2, 3, 4}));
        float[] out = run(2, 1, 1, new Op.Conv2d(4, 1, 1, 0, 2, false), new float[] {10, 100}, w);
        assertArrayEquals(new float[] {10, 20, 300, 400}, out);
    }

    @Test
    void denseUsesOutByInWeights() {
        GraphBuilder b = new GraphBuilder("input", 3, 1, 1);
        b.then("flatten", new Op.Flatten()).then("fc", new Op.Dense(2, true));
        ModelGraph graph = b.build("dense", "fc", "flatten");
        NamedTensors weights = new NamedTensors()
                .put("fc.weight", new FloatTensor(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}))
                .put("fc.bias", new FloatTensor(new long[] {2}, new float[] {0.5f, -0.5f}));
        try (var model = Fixtures.backend().build(graph, new ModelSpec(1, weights, OptimizerSpec.adam(1e-3), null))) {
            float[] logits = model.predict(new Batch(new float[] {1, 1, 2}, null, 1, 3, 1, 1), false).logits()[0];
            assertArrayEquals(new float[] {1 + 2 + 6 + 0.5f, 4 + 5 + 12 - 0.5f}, logits);
        }
    }
}
