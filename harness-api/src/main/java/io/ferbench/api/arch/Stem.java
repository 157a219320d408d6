package io.ferbench.api.arch;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a network's stem treats its input. {@link #STANDARD} is torchvision's network unchanged, built for 224-pixel
 * images. {@link #SMALL} is the common variant for small inputs (CIFAR-style): the stem keeps the full resolution —
 * first convolution with stride 1 (ResNet-18: a 3×3 instead of the 7×7), no max-pool — so a 48-pixel face still
 * reaches the last stage at 6×6 (ResNet-18, ShuffleNetV2) or 3×3 (MobileNetV2) instead of 2×2 or 1×1. It costs about
 * 16× the multiply-adds of the standard stem on ResNet-18 and ShuffleNetV2, 4× on MobileNetV2 (which has no max-pool).
 * Parameter names stay torchvision's, so only ResNet-18's {@code conv1.weight} changes shape.
 */
public enum Stem {
    STANDARD, SMALL;

    /** The name written in suites and results: {@code standard}, {@code small}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Valid names, in a stable order. */
    /** As suites and result files write it. */
    @Override
    public String toString() {
        return id();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Stem::id).toList();
    }

    /** The stem named {@code id}; throws naming the valid ones otherwise. */
    public static Stem of(String id) {
        for (Stem stem : values()) {
            if (stem.id().equals(id)) return stem;
        }
        throw new IllegalArgumentException("unknown stem '" + id + "'; valid stems are " + String.join(", ", ids()));
    }

    /** Stride of the first convolution. */
    int firstStride() {
        return this == SMALL ? 1 : 2;
    }

    /** Whether the stem's max-pool (ResNet-18, ShuffleNetV2) is kept. */
    boolean maxPool() {
        return this == STANDARD;
    }
}
