package io.ferbench.api.arch;

import io.ferbench.api.ir.GraphBuilder;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;

/**
 * torchvision's MobileNetV2: a stem, the inverted-residual table, a 1×1 expansion to 1280
 * channels and a dropout + linear classifier, all activations ReLU6. Node names equal
 * torchvision's module paths ({@code features.3.conv.1.0}); the residual sums are
 * {@code features.N.add}, the head's pool and flatten {@code avgpool} and {@code flatten}.
 */
final class MobileNetV2 {
    private MobileNetV2() {}

    /** One row of the paper's table: expansion t, output channels c, repeats n, first stride s. */
    private record Row(int t, int c, int n, int s) {}

    private static final Row[] INVERTED_RESIDUALS = {
        new Row(1, 16, 1, 1),
        new Row(6, 24, 2, 2),
        new Row(6, 32, 3, 2),
        new Row(6, 64, 4, 2),
        new Row(6, 96, 3, 1),
        new Row(6, 160, 3, 2),
        new Row(6, 320, 1, 1),
    };
    private static final int STEM_CHANNELS = 32;
    private static final int LAST_CHANNELS = 1280;
    private static final int ROUND_TO = 8;
    private static final double DROPOUT = 0.2;
    private static final Op RELU6 = new Op.Relu6();

    static ModelGraph build(String name, int channels, int imageSize, int classes, double width, Stem stem) {
        GraphBuilder b = new GraphBuilder("input", channels, imageSize, imageSize);
        int in = Layers.makeDivisible(STEM_CHANNELS * width, ROUND_TO);
        String x = Layers.convBnAct(b, "features.0", in, 3, stem.firstStride(), 1, RELU6, "input");
        int index = 1;
        for (Row row : INVERTED_RESIDUALS) {
            int out = Layers.makeDivisible(row.c() * width, ROUND_TO);
            for (int i = 0; i < row.n(); i++) {
                x = invertedResidual(b, "features." + index++, x, in, out, i == 0 ? row.s() : 1, row.t());
                in = out;
            }
        }
        // as torchvision, a width below 1 keeps the full 1280-channel head
        int last = Layers.makeDivisible(LAST_CHANNELS * Math.max(1.0, width), ROUND_TO);
        x = Layers.convBnAct(b, "features." + index, last, 1, 1, 1, RELU6, x);
        String features = Layers.poolAndFlatten(b, x);
        b.then("classifier.0", new Op.Dropout(DROPOUT)).then("classifier.1", new Op.Dense(classes, true));
        return b.build(name, "classifier.1", features);
    }

    /**
     * Optional 1×1 expansion (conv.0), 3×3 depthwise (conv.0 or conv.1), then the linear 1×1
     * projection and its batch norm; a residual sum when stride 1 keeps the channel count.
     */
    private static String invertedResidual(GraphBuilder b, String p, String in, int inChannels, int out,
                                           int stride, int expansion) {
        int hidden = Math.toIntExact(Math.round((double) inChannels * expansion));
        int layer = 0;
        String x = in;
        if (expansion != 1) {
            x = Layers.convBnAct(b, p + ".conv." + layer++, hidden, 1, 1, 1, RELU6, x);
        }
        x = Layers.convBnAct(b, p + ".conv." + layer++, hidden, 3, stride, hidden, RELU6, x);
        Layers.conv(b, p + ".conv." + layer++, out, 1, 1, 1, x);
        String projected = Layers.batchNorm(b, p + ".conv." + layer);
        boolean residual = stride == 1 && inChannels == out;
        return residual ? b.add(p + ".add", new Op.Add(), in, projected) : projected;
    }
}
