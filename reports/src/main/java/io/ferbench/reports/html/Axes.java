package io.ferbench.reports.html;

import io.ferbench.api.cell.Axis;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The suite's matrix axes as they vary among the cells of a report. Cells that differ only in their
 * seed (or repeat index) are repeats of one configuration; the other varying axes tell
 * configurations apart, and name them in the charts.
 */
final class Axes {
    static final String BACKEND = Axis.BACKEND.key();
    static final String ARCHITECTURE = Axis.ARCHITECTURE.key();
    static final String DATASET = Axis.DATASET.key();
    static final String SEED = Axis.SEED.key();
    static final String LEARNING_RATE = Axis.LEARNING_RATE.key();
    /** Shown by value alone in labels ({@code resnet18}, not {@code architecture=resnet18}). */
    private static final Set<String> SELF_EXPLAINING = Set.of(BACKEND, ARCHITECTURE, DATASET);
    /**
     * Axes that take their dataset's own setting where the matrix leaves them out: two datasets with different classes
     * are two datasets, not a class sweep, so these vary only when they differ among the cells of one dataset.
     */
    private static final Set<String> DATASET_SETTINGS = Set.of(Axis.CLASSES.key(), Axis.IMAGES_PER_CLASS.key());

    private final List<String> varying;

    private Axes(List<String> varying) {
        this.varying = List.copyOf(varying);
    }

    /**
     * The axes that take more than one value among {@code cells} (for a dataset's own settings, among the cells of
     * one dataset), in the order the results list them.
     */
    static Axes of(List<ReportCell> cells) {
        Map<String, Set<List<String>>> values = new LinkedHashMap<>();
        for (String always : List.of(DATASET, ARCHITECTURE, BACKEND)) values.put(always, new LinkedHashSet<>());
        for (ReportCell c : cells) {
            for (String key : c.cell().axes().keySet()) values.putIfAbsent(key, new LinkedHashSet<>());
        }
        for (ReportCell c : cells) {
            for (Map.Entry<String, Set<List<String>>> e : values.entrySet()) {
                String axis = e.getKey();
                String value = String.valueOf(c.axis(axis));
                // a dataset setting is recorded with its dataset, so that it varies only when a dataset has two values
                List<String> key = DATASET_SETTINGS.contains(axis)
                        ? List.of(value, String.valueOf(c.axis(DATASET))) : List.of(value);
                e.getValue().add(key);
            }
        }
        return new Axes(values.entrySet().stream().filter(e -> varies(e.getValue())).map(Map.Entry::getKey).toList());
    }

    /**
     * Whether the keys (a value, then its context: nothing, or the dataset) hold two values in one context: more keys
     * than contexts.
     */
    private static boolean varies(Set<List<String>> keys) {
        long contexts = keys.stream().map(key -> key.subList(1, key.size())).distinct().count();
        return keys.size() > contexts;
    }

    List<String> varying() { return varying; }

    /** The varying axes less {@code excluded}, in order. */
    List<String> varyingExcept(Collection<String> excluded) {
        return varying.stream().filter(a -> !excluded.contains(a)).toList();
    }

    /**
     * A label from the cell's values of {@code axes}: {@code resnet18 · synthetic-48 · learning_rate=0.01}.
     * Backend, architecture and dataset are named by their value alone.
     */
    static String label(ReportCell cell, Collection<String> axes) {
        List<String> parts = new ArrayList<>();
        for (String axis : axes) {
            String value = display(cell.axis(axis));
            parts.add(SELF_EXPLAINING.contains(axis) ? value : axis + "=" + value);
        }
        return String.join(" · ", parts);
    }

    /** A number as people write it ({@code 0.0001}, {@code 1e-9}, {@code 100}); any other value as it is. */
    static String display(String value) {
        if (value == null || !Sweeps.isNumber(value)) return value;
        BigDecimal number;
        try {
            number = new BigDecimal(value.trim()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return value; // a form Java reads but BigDecimal does not (hexadecimal): leave it as written
        }
        double size = Math.abs(number.doubleValue());
        String text = size == 0 || (size >= 1e-5 && size < 1e9) ? number.toPlainString() : number.toString();
        return text.replace("E+", "e").replace("E", "e");
    }
}
