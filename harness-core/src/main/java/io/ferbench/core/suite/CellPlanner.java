package io.ferbench.core.suite;

import io.ferbench.api.backend.OptimizerSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns expanded combinations into {@link CellSpec}s: repeats, ids, and the typed settings of each cell. */
final class CellPlanner {
    private CellPlanner() {
    }

    /** The cells in plan order; the repeats of one combination are adjacent. */
    static List<CellSpec> cells(SuiteDefinition suite, List<Map<Axis, Object>> combinations) {
        Set<Axis> varying = EnumSet.noneOf(Axis.class);
        for (Axis axis : Axis.values()) {
            if (combinations.stream().map(c -> c.get(axis)).distinct().count() > 1) {
                varying.add(axis);
            }
        }
        int width = CellIds.width(combinations.size() * suite.repeats());
        List<CellSpec> cells = new ArrayList<>();
        for (Map<Axis, Object> combination : combinations) {
            for (int repeat = 0; repeat < suite.repeats(); repeat++) {
                int index = cells.size();
                cells.add(cell(suite, combination, index, CellIds.of(index, width, combination, varying, repeat),
                        repeat));
            }
        }
        return cells;
    }

    /**
     * The suite's datasets, each with the image size of the first cell that uses it (datasets no cell uses
     * get the first cell's image size).
     */
    static Map<String, DatasetSpec> datasets(SuiteDefinition suite, List<CellSpec> cells) {
        Map<String, DatasetSpec> datasets = new LinkedHashMap<>();
        for (DatasetSpec dataset : suite.datasets().values()) {
            int imageSize = cells.stream().filter(c -> c.dataset().name().equals(dataset.name())).findFirst()
                    .orElse(cells.get(0)).dataset().imageSize();
            datasets.put(dataset.name(), dataset.withImageSize(imageSize));
        }
        return datasets;
    }

    private static CellSpec cell(SuiteDefinition suite, Map<Axis, Object> values, int index, String id, int repeat) {
        DatasetSpec dataset = suite.datasets().get(text(values, Axis.DATASET))
                .withImageSize(integer(values, Axis.IMAGE_SIZE));
        OptimizerSpec optimizer = new OptimizerSpec(text(values, Axis.OPTIMIZER), real(values, Axis.LEARNING_RATE),
                real(values, Axis.BETA1), real(values, Axis.BETA2), real(values, Axis.EPSILON),
                real(values, Axis.WEIGHT_DECAY));
        EarlyStoppingSpec earlyStopping = new EarlyStoppingSpec((Boolean) values.get(Axis.EARLY_STOPPING),
                text(values, Axis.MONITOR), integer(values, Axis.PATIENCE), real(values, Axis.MIN_DELTA),
                (Boolean) values.get(Axis.RESTORE_BEST));
        String backend = text(values, Axis.BACKEND);
        Map<String, Object> axes = new LinkedHashMap<>();
        for (Axis axis : Axis.values()) {
            axes.put(axis.key(), values.get(axis));
        }
        long timeoutSeconds = Math.max(1, Math.round(suite.timeoutMinutes() * 60));
        return new CellSpec(suite.name(), id, index, Collections.unmodifiableMap(axes), dataset,
                text(values, Axis.ARCHITECTURE), real(values, Axis.WIDTH_MULTIPLIER), backend,
                text(values, Axis.DEVICE), integer(values, Axis.THREADS), integer(values, Axis.BATCH_SIZE),
                integer(values, Axis.EPOCHS), optimizer, earlyStopping, (long) integer(values, Axis.SEED) + repeat,
                repeat, timeoutSeconds, suite.backendSettings().getOrDefault(backend, Map.of()));
    }

    private static String text(Map<Axis, Object> values, Axis axis) {
        return (String) values.get(axis);
    }

    private static int integer(Map<Axis, Object> values, Axis axis) {
        return (Integer) values.get(axis);
    }

    private static double real(Map<Axis, Object> values, Axis axis) {
        return (Double) values.get(axis);
    }
}
