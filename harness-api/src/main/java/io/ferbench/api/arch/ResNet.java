package io.ferbench.api.arch;

import io.ferbench.api.ir.GraphBuilder;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Op;

/**
 * torchvision's ResNet with BasicBlocks: a 7×7/2 stem, a 3×3/2 max pool, four stages and a linear
 * head ({@link Stem#SMALL}: a 3×3/1 stem without the max pool). Node names equal torchvision's module
 * paths ({@code layer2.0.downsample.0}); the ops
 * torchvision does not name are {@code layerS.B.relu1}, {@code layerS.B.add}, {@code layerS.B.relu2}
 * and {@code flatten}.
 */
final class ResNet {
    private ResNet() {}

    /** Blocks and width of each stage; every stage after the first halves the resolution. */
    private record Stage(int blocks, int width) {}

    private static final Stage[] RESNET18 = {new Stage(2, 64), new Stage(2, 128), new Stage(2, 256), new Stage(2, 512)};
    private static final Stage[] RESNET34 = {new Stage(3, 64), new Stage(4, 128), new Stage(6, 256), new Stage(3, 512)};
    private static final int STEM_WIDTH = 64;

    static ModelGraph resnet18(String name, int channels, int imageSize, int classes, double width, Stem stem) {
        return build(name, RESNET18, channels, imageSize, classes, width, stem);
    }

    static ModelGraph resnet34(String name, int channels, int imageSize, int classes, double width, Stem stem) {
        return build(name, RESNET34, channels, imageSize, classes, width, stem);
    }

    private static ModelGraph build(String name, Stage[] stages, int channels, int imageSize, int classes,
                                    double width, Stem stem) {
        GraphBuilder b = new GraphBuilder("input", channels, imageSize, imageSize);
        int inWidth = Layers.makeDivisible(STEM_WIDTH * width, 8);
        // the small-input stem is the CIFAR ResNet's: a 3×3 convolution at stride 1, no max-pool
        Layers.conv(b, "conv1", inWidth, stem == Stem.SMALL ? 3 : 7, stem.firstStride(), 1, "input");
        Layers.batchNorm(b, "bn1");
        String x = b.add("relu", new Op.Relu());
        if (stem.maxPool()) x = b.add("maxpool", new Op.MaxPool(3, 2, 1));
        for (int s = 0; s < stages.length; s++) {
            int out = Layers.makeDivisible(stages[s].width() * width, 8);
            for (int i = 0; i < stages[s].blocks(); i++) {
                int stride = s > 0 && i == 0 ? 2 : 1;
                x = basicBlock(b, "layer" + (s + 1) + "." + i, x, inWidth, out, stride);
                inWidth = out;
            }
        }
        String features = Layers.poolAndFlatten(b, x);
        b.add("fc", new Op.Dense(classes, true));
        return b.build(name, "fc", features);
    }

    /** conv3×3-bn-relu-conv3×3-bn, plus the (projected when the shape changes) input, then relu. */
    private static String basicBlock(GraphBuilder b, String p, String in, int inWidth, int out, int stride) {
        Layers.conv(b, p + ".conv1", out, 3, stride, 1, in);
        Layers.batchNorm(b, p + ".bn1");
        b.add(p + ".relu1", new Op.Relu());
        Layers.conv(b, p + ".conv2", out, 3, 1, 1, b.last());
        String main = Layers.batchNorm(b, p + ".bn2");
        String shortcut = in;
        if (stride != 1 || inWidth != out) {
            Layers.conv(b, p + ".downsample.0", out, 1, stride, 1, in);
            shortcut = Layers.batchNorm(b, p + ".downsample.1");
        }
        b.add(p + ".add", new Op.Add(), main, shortcut);
        return b.add(p + ".relu2", new Op.Relu());
    }
}
