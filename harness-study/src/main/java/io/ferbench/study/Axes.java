package io.ferbench.study;

import io.ferbench.api.cell.Axis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Matrix keys the analyses treat specially, and how a combination is named in their output. */
final class Axes {
    static final String BACKEND = Axis.BACKEND.key();
    static final String LEARNING_RATE = Axis.LEARNING_RATE.key();
    static final String CLASSES = Axis.CLASSES.key();
    static final String IMAGES_PER_CLASS = Axis.IMAGES_PER_CLASS.key();

    private Axes() {}

    /**
     * {@code dataset=fer2013, architecture=resnet18}: the axes that vary in the run, less {@code left}, in the
     * suite's canonical order; "all cells" when nothing else varies.
     */
    static String describe(Map<String, String> axes, Set<String> varying, Set<String> left) {
        List<String> keys = new ArrayList<>(Axis.keys());
        axes.keySet().stream().filter(k -> !keys.contains(k)).sorted().forEach(keys::add);
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            if (axes.containsKey(key) && varying.contains(key) && !left.contains(key)) {
                parts.add(key + "=" + axes.get(key));
            }
        }
        return parts.isEmpty() ? "all cells" : String.join(", ", parts);
    }
}
