package io.ferbench.api.arch;

import io.ferbench.api.ir.GraphBuilder;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;
import java.util.Map;
import java.util.TreeMap;

/**
 * torchvision's ShuffleNetV2: conv1 + max pool, three stages of inverted-residual units that split
 * the channels in two (or, when downsampling, feed the input to two branches), concatenate and
 * shuffle, then conv5, global pooling and a linear head. Node names equal torchvision's module
 * paths ({@code stage3.0.branch1.2}); the unnamed ops of unit {@code stageS.U} are {@code .split0},
 * {@code .split1}, {@code .concat} and {@code .shuffle}, the head's {@code avgpool} and {@code flatten}.
 */
final class ShuffleNetV2 {
    private ShuffleNetV2() {}

    private static final int[] STAGE_REPEATS = {4, 8, 4};

    /** Output channels of conv1, stage2, stage3, stage4 and conv5 per width multiplier. */
    private static final Map<Double, int[]> STAGE_CHANNELS = new TreeMap<>(Map.of(
            0.5, new int[] {24, 48, 96, 192, 1024},
            1.0, new int[] {24, 116, 232, 464, 1024},
            1.5, new int[] {24, 176, 352, 704, 1024},
            2.0, new int[] {24, 244, 488, 976, 2048}));

    private static final Op RELU = new Op.Relu();

    static ModelGraph build(String name, int channels, int imageSize, int classes, double width, Stem stem) {
        int[] widths = STAGE_CHANNELS.entrySet().stream()
                .filter(e -> Math.abs(e.getKey() - width) < 1e-9)
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (widths == null) {
            throw new IllegalArgumentException(name + ": ShuffleNetV2 is defined for width multipliers "
                    + STAGE_CHANNELS.keySet() + " only, got " + width);
        }
        GraphBuilder b = new GraphBuilder("input", channels, imageSize, imageSize);
        String x = Layers.convBnAct(b, "conv1", widths[0], 3, stem.firstStride(), 1, RELU, "input");
        if (stem.maxPool()) x = b.add("maxpool", new Op.MaxPool(3, 2, 1));
        int in = widths[0];
        for (int s = 0; s < STAGE_REPEATS.length; s++) {
            int out = widths[s + 1];
            for (int u = 0; u < STAGE_REPEATS[s]; u++) {
                String p = "stage" + (s + 2) + "." + u;
                x = u == 0 ? downsamplingUnit(b, p, x, in, out) : unit(b, p, x, out);
                in = out;
            }
        }
        x = Layers.convBnAct(b, "conv5", widths[4], 1, 1, 1, RELU, x);
        String features = Layers.poolAndFlatten(b, x);
        b.add("fc", new Op.Dense(classes, true));
        return b.build(name, "fc", features);
    }

    /** Stride 2: branch1 (depthwise 3×3/2, 1×1) and branch2 both read the whole input. */
    private static String downsamplingUnit(GraphBuilder b, String p, String in, int inChannels, int out) {
        int half = out / 2;
        Layers.conv(b, p + ".branch1.0", inChannels, 3, 2, inChannels, in);
        Layers.batchNorm(b, p + ".branch1.1");
        Layers.conv(b, p + ".branch1.2", half, 1, 1, 1, b.last());
        Layers.batchNorm(b, p + ".branch1.3");
        String left = b.add(p + ".branch1.4", RELU);
        String right = branch2(b, p, in, half, 2);
        return concatAndShuffle(b, p, left, right);
    }

    /** Stride 1: the first half of the channels passes through, branch2 transforms the second. */
    private static String unit(GraphBuilder b, String p, String in, int out) {
        String left = b.add(p + ".split0", new Op.ChannelSplit(2, 0), in);
        String second = b.add(p + ".split1", new Op.ChannelSplit(2, 1), in);
        String right = branch2(b, p, second, out / 2, 1);
        return concatAndShuffle(b, p, left, right);
    }

    /** 1×1, depthwise 3×3 (carrying the stride), 1×1, each with batch norm, ReLU after the 1×1s. */
    private static String branch2(GraphBuilder b, String p, String in, int channels, int stride) {
        String q = p + ".branch2.";
        Layers.conv(b, q + "0", channels, 1, 1, 1, in);
        Layers.batchNorm(b, q + "1");
        b.add(q + "2", RELU);
        Layers.conv(b, q + "3", channels, 3, stride, channels, b.last());
        Layers.batchNorm(b, q + "4");
        Layers.conv(b, q + "5", channels, 1, 1, 1, b.last());
        Layers.batchNorm(b, q + "6");
        return b.add(q + "7", RELU);
    }

    private static String concatAndShuffle(GraphBuilder b, String p, String left, String right) {
        b.add(p + ".concat", new Op.Concat(), left, right);
        return b.add(p + ".shuffle", new Op.ChannelShuffle(2));
    }
}
