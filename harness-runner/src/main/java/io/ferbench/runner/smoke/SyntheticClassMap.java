package io.ferbench.runner.smoke;

import io.ferbench.worker.data.SyntheticFaces;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives each class of a real dataset a synthetic stand-in: a class the generator draws keeps its own name (FER2013's
 * seven), any other takes the next unused synthetic class. One map per dataset, so every cell of a smoke run sees
 * the same stand-ins for the same names (a class ablation keeps its subsets nested).
 */
final class SyntheticClassMap {
    private final String dataset;
    private final Map<String, String> byName = new LinkedHashMap<>();

    SyntheticClassMap(String dataset) {
        this.dataset = dataset;
    }

    /** The stand-ins of {@code names}, in their order. */
    List<String> map(List<String> names) {
        List<String> mapped = new ArrayList<>();
        for (String name : names) mapped.add(standIn(name));
        return mapped;
    }

    /** {@code count} stand-ins for a dataset whose class names the suite does not give. */
    List<String> anonymous(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) names.add("class " + i);
        return map(names);
    }

    private String standIn(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        String known = byName.get(key);
        if (known != null) return known;
        String chosen = SyntheticFaces.ALL_CLASSES.contains(key) && !byName.containsValue(key) ? key
                : SyntheticFaces.ALL_CLASSES.stream().filter(c -> !byName.containsValue(c)
                        && !byName.containsKey(c)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "dataset '" + dataset + "' has more than " + SyntheticFaces.ALL_CLASSES.size()
                                + " classes; a smoke run can draw at most that many synthetic ones"));
        byName.put(key, chosen);
        return chosen;
    }
}
