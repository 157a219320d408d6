package io.ferbench.core.study;

import io.ferbench.core.suite.Suites;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Matrix keys the analyses treat specially, and how a combination is named in their output. */
final class Axes {
    static final String BACKEND = "backend";
    static final String LEARNING_RATE = "learning_rate";
    static final String CLASSES = "classes";
    static final String IMAGES_PER_CLASS = "images_per_class";

    private Axes() {}

    /**
     * {@code dataset=fer2013, architecture=resnet18}: the axes that vary in the run, less {@code left}, in the
     * suite's canonical order; "all cells" when nothing else varies.
     */
    static String describe(Map<String, String> axes, Set<String> varying, Set<String> left) {
        List<String> keys = new ArrayList<>(Suites.axisKeys());
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
