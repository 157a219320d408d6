package io.ferbench.suite;

import io.ferbench.api.cell.InitSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which combination each cell checkpoint starts from. The source of a combination whose {@code init} names a
 * {@code cell} checkpoint is the combination itself with {@code init: scratch} and {@code tune: all}, then the
 * checkpoint's {@code with} values; the matrix must contain it exactly. The cells of repeat r start from the source's
 * repeat r.
 */
final class CheckpointSources {
    private final int[] source;

    private CheckpointSources(int[] source) {
        this.source = source;
    }

    /** Resolves every combination's source; problems (a missing source, a cycle) go to {@code problems}. */
    static CheckpointSources resolve(SuiteDefinition suite, List<Map<MatrixAxis, Object>> combinations, Problems problems) {
        Map<Map<MatrixAxis, Object>, Integer> index = new HashMap<>();
        for (int i = 0; i < combinations.size(); i++) {
            index.put(combinations.get(i), i);
        }
        int[] source = new int[combinations.size()];
        Arrays.fill(source, -1);
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < combinations.size(); i++) {
            Map<MatrixAxis, Object> combination = combinations.get(i);
            CheckpointDefinition checkpoint = suite.checkpoints().get((String) combination.get(MatrixAxis.INIT));
            if (checkpoint == null || checkpoint.kind() != InitSpec.Source.CELL) {
                continue;
            }
            Map<MatrixAxis, Object> target = new EnumMap<>(combination);
            target.put(MatrixAxis.INIT, InitSpec.SCRATCH);
            target.put(MatrixAxis.TUNE, InitSpec.Tune.ALL.toString());
            target.putAll(checkpoint.with());
            Integer found = index.get(target);
            String path = SuiteKeys.CHECKPOINTS + "." + checkpoint.name();
            if (found == null || found == i) {
                if (reported.add(checkpoint.name())) {
                    problems.add(checkpoint.mark(), path, (found == null
                            ? "the cell with " + describe(combination, suite) + " starts from the cell with "
                            + describe(target, suite) + ", which the matrix does not have; add that combination (for "
                            + "example with include) or change 'with'"
                            : "the cell with " + describe(combination, suite) + " would start from itself; 'with' must "
                            + "name an axis value that differs (such as the dataset to pretrain on)"));
                }
                continue;
            }
            source[i] = found;
        }
        CheckpointSources sources = new CheckpointSources(source);
        sources.reportCycles(combinations, suite, problems);
        return sources;
    }

    /** The source combination's index, or -1 for a cell that does not start from another. */
    int sourceOf(int combination) {
        return source[combination];
    }

    /**
     * Every combination's index in plan order, except that a source is moved up to just before the first
     * combination that starts from it, when it would come later.
     */
    int[] dependenciesFirst() {
        boolean[] placed = new boolean[source.length];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < source.length; i++) {
            place(i, placed, order);
        }
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private void place(int i, boolean[] placed, List<Integer> order) {
        if (placed[i]) {
            return;
        }
        placed[i] = true;  // marked first: cycles were reported before, so this only guards the recursion
        if (source[i] >= 0) {
            place(source[i], placed, order);
        }
        order.add(i);
    }

    /** A chain of sources that returns to its start (possible when 'with' names init) cannot be ordered. */
    private void reportCycles(List<Map<MatrixAxis, Object>> combinations, SuiteDefinition suite, Problems problems) {
        Set<String> reported = new HashSet<>();
        for (int start = 0; start < source.length; start++) {
            Set<Integer> seen = new HashSet<>();
            int at = start;
            while (at >= 0 && seen.add(at)) {
                at = source[at];
            }
            if (at == start) {
                String name = (String) combinations.get(start).get(MatrixAxis.INIT);
                CheckpointDefinition checkpoint = suite.checkpoints().get(name);
                if (reported.add(name)) {
                    problems.add(checkpoint.mark(), SuiteKeys.CHECKPOINTS + "." + name, "the cells starting from '"
                            + name + "' form a cycle (each starts from the next, and the last from the first); one "
                            + "of them must start from scratch");
                }
            }
        }
    }

    /** The axes a reader needs to recognise a combination: those that take several values in the suite, and init. */
    private static String describe(Map<MatrixAxis, Object> combination, SuiteDefinition suite) {
        List<String> parts = new ArrayList<>();
        for (MatrixAxis axis : MatrixAxis.values()) {
            boolean written = suite.matrix().written().containsKey(axis);
            if (written || axis == MatrixAxis.DATASET || axis == MatrixAxis.INIT || axis == MatrixAxis.TUNE) {
                parts.add(axis.key() + ": " + NumberText.of(combination.get(axis)));
            }
        }
        return "{" + String.join(", ", parts) + "}";
    }
}
