package io.ferbench.api.arch;

import io.ferbench.api.ir.GraphBuilder;
import io.ferbench.api.ir.Op;

/** The layer idioms the torchvision architectures share, with torchvision's defaults. */
final class Layers {
    private Layers() {}

    /** torchvision's BatchNorm2d defaults. */
    static final Op.BatchNorm BATCH_NORM = new Op.BatchNorm(1e-5, 0.1);

    /** A bias-free convolution with "same" padding {@code (k - 1) / 2}, reading {@code from}. */
    static String conv(GraphBuilder b, String name, int out, int kernel, int stride, int groups, String from) {
        return b.add(name, new Op.Conv2d(out, kernel, stride, (kernel - 1) / 2, groups, false), from);
    }

    /** Batch normalisation of the last node. */
    static String batchNorm(GraphBuilder b, String name) {
        return b.add(name, BATCH_NORM);
    }

    /**
     * torchvision's {@code Conv2dNormActivation} (and ShuffleNet's conv1/conv5 sequences):
     * {@code name.0} convolution, {@code name.1} batch norm, {@code name.2} activation.
     */
    static String convBnAct(GraphBuilder b, String name, int out, int kernel, int stride, int groups,
                            Op activation, String from) {
        conv(b, name + ".0", out, kernel, stride, groups, from);
        batchNorm(b, name + ".1");
        return b.add(name + ".2", activation);
    }

    /** Global average pooling then flatten: the penultimate feature vector, named {@code flatten}. */
    static String poolAndFlatten(GraphBuilder b, String from) {
        b.add("avgpool", new Op.GlobalAvgPool(), from);
        return b.add("flatten", new Op.Flatten());
    }

    /**
     * torchvision's {@code _make_divisible}: rounds {@code value} to the nearest multiple of
     * {@code divisor}, at least {@code divisor}, never more than 10% below {@code value}.
     */
    static int makeDivisible(double value, int divisor) {
        int rounded = Math.max(divisor, (int) (value + divisor / 2.0) / divisor * divisor);
        return rounded < 0.9 * value ? rounded + divisor : rounded;
    }
}
