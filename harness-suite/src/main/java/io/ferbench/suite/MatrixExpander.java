package io.ferbench.suite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands a matrix into its combinations, with GitHub Actions' semantics: the cartesian product of the
 * written axes, less every combination an exclude entry matches on all its keys, then include entries:
 * an entry that matches product combinations on every written axis it names extends them with its other
 * keys (never overwriting a written axis; a later entry may overwrite what an earlier one added); an
 * entry that matches none is added as a new combination, whose other axes take their first written
 * value, or their default. Include entries are matched against the product only, never against
 * combinations other entries added.
 */
final class MatrixExpander {
    /** More cells than this is a mistake (or a job for several suites), and would only exhaust memory. */
    static final long MAX_CELLS = 100_000;

    private MatrixExpander() {
    }

    /**
     * Every combination, each holding a value for every axis, in plan order: by dataset, architecture,
     * backend, then the other written axes in document order, each by the order its values are written.
     */
    static List<Map<MatrixAxis, Object>> expand(MatrixDefinition matrix, int repeats, Problems problems) {
        List<MatrixAxis> order = planOrder(matrix.written().keySet());
        Map<MatrixAxis, List<Object>> axisValues = new EnumMap<>(MatrixAxis.class);
        long cells = repeats;
        for (MatrixAxis axis : MatrixAxis.values()) {
            List<Object> written = matrix.written().get(axis);
            axisValues.put(axis, written != null ? written : List.of(matrix.defaults().get(axis)));
            cells = Math.min(cells * axisValues.get(axis).size(), MAX_CELLS + 1);  // capped: cannot overflow
        }
        cells = Math.min(cells + (long) matrix.include().size() * repeats, MAX_CELLS + 1);
        if (cells > MAX_CELLS) {
            problems.add(matrix.mark(), SuiteKeys.MATRIX, "the matrix (times repeats) has more than " + MAX_CELLS
                    + " cells; narrow it or split it into several suites");
            return List.of();
        }
        List<Map<MatrixAxis, Object>> product = product(order, axisValues);
        product.removeIf(combination -> matrix.exclude().stream().anyMatch(e -> e.matchesAll(combination)));

        List<Map<MatrixAxis, Object>> added = new ArrayList<>();
        Map<Map<MatrixAxis, Object>, MatrixEntry> addedBy = new HashMap<>();
        for (MatrixEntry entry : matrix.include()) {
            List<Map<MatrixAxis, Object>> matched = product.stream()
                    .filter(combination -> matchesWrittenAxes(entry, combination, matrix.written().keySet()))
                    .toList();
            if (!matched.isEmpty()) {
                entry.values().forEach((axis, value) -> {
                    if (!matrix.written().containsKey(axis)) {
                        matched.forEach(combination -> combination.put(axis, value));
                    }
                });
                continue;
            }
            Map<MatrixAxis, Object> combination = new EnumMap<>(MatrixAxis.class);
            for (MatrixAxis axis : MatrixAxis.values()) {
                combination.put(axis, entry.values().getOrDefault(axis, axisValues.get(axis).get(0)));
            }
            MatrixEntry earlier = addedBy.putIfAbsent(combination, entry);
            if (earlier != null) {
                problems.add(entry.mark(), entry.path(), "adds the same combination as " + earlier.path()
                        + " at line " + earlier.mark().line() + " (axes an added entry leaves out take their first "
                        + "value, or their default); merge the two entries or name the axis that tells them apart");
            } else {
                added.add(combination);
            }
        }

        List<Map<MatrixAxis, Object>> all = new ArrayList<>(product);
        all.addAll(added);
        if (all.isEmpty()) {
            problems.add(matrix.excludeMark(), SuiteKeys.MATRIX + "." + SuiteKeys.EXCLUDE, "every combination is "
                    + "excluded, so the suite has no cells; remove or narrow an exclude entry");
        }
        all.sort(planOrderComparator(order, all, axisValues));
        return all;
    }

    /** Dataset, architecture, backend first; then the written axes in document order; then the rest. */
    private static List<MatrixAxis> planOrder(Set<MatrixAxis> written) {
        Set<MatrixAxis> order = new LinkedHashSet<>(List.of(MatrixAxis.DATASET, MatrixAxis.ARCHITECTURE, MatrixAxis.BACKEND));
        order.addAll(written);
        order.addAll(List.of(MatrixAxis.values()));
        return List.copyOf(order);
    }

    private static List<Map<MatrixAxis, Object>> product(List<MatrixAxis> order, Map<MatrixAxis, List<Object>> axisValues) {
        List<Map<MatrixAxis, Object>> combinations = new ArrayList<>();
        combinations.add(new EnumMap<>(MatrixAxis.class));
        for (MatrixAxis axis : order) {
            List<Map<MatrixAxis, Object>> next = new ArrayList<>();
            for (Map<MatrixAxis, Object> partial : combinations) {
                for (Object value : axisValues.get(axis)) {
                    Map<MatrixAxis, Object> combination = new EnumMap<>(partial);
                    combination.put(axis, value);
                    next.add(combination);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private static boolean matchesWrittenAxes(MatrixEntry entry, Map<MatrixAxis, Object> combination, Set<MatrixAxis> written) {
        return entry.values().entrySet().stream()
                .filter(e -> written.contains(e.getKey()))
                .allMatch(e -> e.getValue().equals(combination.get(e.getKey())));
    }

    /**
     * Orders combinations by the position of their values, axis by axis in plan order: written values in the
     * order written, then values only include entries brought, in the order they first appear.
     */
    private static Comparator<Map<MatrixAxis, Object>> planOrderComparator(List<MatrixAxis> order, List<Map<MatrixAxis, Object>> all,
                                                                     Map<MatrixAxis, List<Object>> axisValues) {
        Map<MatrixAxis, List<Object>> positions = new EnumMap<>(MatrixAxis.class);
        for (MatrixAxis axis : MatrixAxis.values()) {
            Set<Object> values = new LinkedHashSet<>(axisValues.get(axis));
            all.forEach(combination -> values.add(combination.get(axis)));
            positions.put(axis, List.copyOf(values));
        }
        Comparator<Map<MatrixAxis, Object>> comparator = (a, b) -> 0;
        for (MatrixAxis axis : order) {
            List<Object> values = positions.get(axis);
            comparator = comparator.thenComparingInt(combination -> values.indexOf(combination.get(axis)));
        }
        return comparator;
    }
}
