package io.ferbench.api.arch;

import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.ir.Shapes;
import io.ferbench.api.names.DidYouMean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The architectures ferbench can build, by name. Every graph is checked with
 * {@link Shapes#infer(ModelGraph)} before it is returned, so a configuration that cannot work
 * (say, an image too small) fails here with the node that does not fit.
 */
public final class Architectures {
    private Architectures() {}

    @FunctionalInterface
    private interface Builder {
        ModelGraph build(String name, int channels, int imageSize, int classes, double width, Stem stem);
    }

    private static final Map<String, Builder> BUILDERS = new LinkedHashMap<>();
    static {
        BUILDERS.put("resnet18", ResNet::resnet18);
        BUILDERS.put("resnet34", ResNet::resnet34);
        BUILDERS.put("mobilenet_v2", MobileNetV2::build);
        shuffleNet("shufflenet_v2_x1_0", 1.0);
        shuffleNet("shufflenet_v2_x0_5", 0.5);
        shuffleNet("shufflenet_v2_x1_5", 1.5);
        shuffleNet("shufflenet_v2_x2_0", 2.0);
    }

    /** torchvision's ShuffleNetV2 variants are named by width; a multiplier scales that width further. */
    private static void shuffleNet(String name, double baseWidth) {
        BUILDERS.put(name, (n, c, s, k, w, stem) -> ShuffleNetV2.build(n, c, s, k, baseWidth * w, stem));
    }

    /** Valid architecture names, in a stable order. */
    public static List<String> names() {
        return List.copyOf(BUILDERS.keySet());
    }

    /**
     * Builds the named architecture.
     *
     * @param name             one of {@link #names()}
     * @param channels         input channels (1 for grayscale, 3 for RGB)
     * @param imageSize        input height and width in pixels
     * @param classes          number of output logits
     * @param widthMultiplier  scales the channel counts (1.0 is the published network); for
     *                         ShuffleNetV2 the product with the name's width must be 0.5, 1, 1.5 or 2
     * @throws IllegalArgumentException for an unknown name (listing the valid ones and the closest
     *                                  match) or a value out of range
     */
    public static ModelGraph build(String name, int channels, int imageSize, int classes, double widthMultiplier) {
        return build(name, channels, imageSize, classes, widthMultiplier, Stem.STANDARD);
    }

    /**
     * Builds the named architecture with the given stem ({@link Stem#SMALL}: the small-input variant).
     *
     * @see #build(String, int, int, int, double)
     */
    public static ModelGraph build(String name, int channels, int imageSize, int classes, double widthMultiplier,
                                   Stem stem) {
        if (stem == null) throw new IllegalArgumentException(name + ": no stem given");
        Builder builder = BUILDERS.get(name);
        if (builder == null) {
            String hint = DidYouMean.suggestPrefixFirst(name == null ? "" : name, BUILDERS.keySet())
                    .map(s -> " Did you mean '" + s + "'?").orElse("");
            throw new IllegalArgumentException("unknown architecture '" + name + "'; valid names are "
                    + String.join(", ", BUILDERS.keySet()) + "." + hint);
        }
        atLeast(name, "channels", channels, 1);
        atLeast(name, "image size", imageSize, 1);
        atLeast(name, "classes", classes, 2);
        if (!(widthMultiplier > 0) || Double.isInfinite(widthMultiplier)) {
            throw new IllegalArgumentException(name + ": width multiplier must be a positive number, got "
                    + widthMultiplier);
        }
        ModelGraph graph = builder.build(name, channels, imageSize, classes, widthMultiplier, stem);
        Shapes.infer(graph);
        return graph;
    }

    private static void atLeast(String name, String what, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + ": " + what + " must be at least " + min + ", got " + value);
        }
    }
}
