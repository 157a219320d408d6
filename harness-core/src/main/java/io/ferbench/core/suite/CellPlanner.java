package io.ferbench.core.suite;

import io.ferbench.api.arch.Stem;
import io.ferbench.api.backend.OptimizerSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns expanded combinations into {@link CellSpec}s: settings that default to the dataset's, the cells a checkpoint
 * starts from, repeats, ids, and the typed settings of each cell.
 */
final class CellPlanner {
    private CellPlanner() {
    }

    /**
     * The cells in plan order; the repeats of one combination are adjacent, and a cell that starts from another
     * cell's weights comes after it. Problems (a checkpoint whose source cell the matrix lacks, a cycle) go to
     * {@code problems}; the list is then meaningless.
     */
    static List<CellSpec> cells(SuiteDefinition suite, List<Map<Axis, Object>> combinations, Problems problems) {
        CheckpointSources sources = CheckpointSources.resolve(suite, combinations, problems);
        if (!problems.isEmpty()) {
            return List.of();
        }
        int[] order = sources.dependenciesFirst();
        int[] position = new int[order.length];
        List<Map<Axis, Object>> resolved = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            position[order[k]] = k;
            resolved.add(withDatasetSettings(suite, combinations.get(order[k])));
        }
        // an axis left to each dataset's own setting is not what tells cells apart, so it does not name them
        Set<Axis> varying = EnumSet.noneOf(Axis.class);
        for (Axis axis : Axis.values()) {
            if (combinations.stream().map(c -> c.get(axis)).distinct().count() > 1) {
                varying.add(axis);
            }
        }
        int width = CellIds.width(order.length * suite.repeats());
        List<List<String>> ids = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            List<String> repeats = new ArrayList<>();
            for (int repeat = 0; repeat < suite.repeats(); repeat++) {
                repeats.add(CellIds.of(k * suite.repeats() + repeat, width, resolved.get(k), varying, repeat));
            }
            ids.add(repeats);
        }
        List<CellSpec> cells = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            int source = sources.sourceOf(order[k]);
            for (int repeat = 0; repeat < suite.repeats(); repeat++) {
                String sourceCell = source < 0 ? null : ids.get(position[source]).get(repeat);
                cells.add(cell(suite, resolved.get(k), cells.size(), ids.get(k).get(repeat), repeat, sourceCell));
            }
        }
        return cells;
    }

    /** A warm-up must end before the epoch budget does; one problem per distinct (warm-up, epochs) pair. */
    static void checkWarmup(SuiteDefinition suite, List<CellSpec> cells, Problems problems) {
        Set<String> seen = new HashSet<>();
        for (CellSpec cell : cells) {
            int warmup = cell.schedule().warmupEpochs();
            if (warmup > 0 && warmup >= cell.epochs() && seen.add(warmup + "/" + cell.epochs())) {
                problems.add(suite.matrix().mark(), SuiteKeys.MATRIX + "." + Axis.WARMUP_EPOCHS.key(), "warmup_epochs "
                        + warmup + " must be below epochs " + cell.epochs() + " (cell " + cell.id() + ")");
            }
        }
    }

    /** The combination with {@link FromDataset} replaced by the cell's dataset's own class subset and cap. */
    private static Map<Axis, Object> withDatasetSettings(SuiteDefinition suite, Map<Axis, Object> combination) {
        Map<Axis, Object> resolved = new EnumMap<>(combination);
        DatasetSpec dataset = suite.datasets().get((String) combination.get(Axis.DATASET));
        if (resolved.get(Axis.CLASSES) == FromDataset.VALUE) {
            resolved.put(Axis.CLASSES, dataset.classes());
        }
        if (resolved.get(Axis.IMAGES_PER_CLASS) == FromDataset.VALUE) {
            resolved.put(Axis.IMAGES_PER_CLASS, dataset.imagesPerClass());
        }
        return resolved;
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

    @SuppressWarnings("unchecked")
    private static CellSpec cell(SuiteDefinition suite, Map<Axis, Object> values, int index, String id, int repeat,
                                 String sourceCell) {
        DatasetSpec dataset = suite.datasets().get(text(values, Axis.DATASET))
                .withImageSize(integer(values, Axis.IMAGE_SIZE))
                .withClasses((List<String>) values.get(Axis.CLASSES))
                .withImagesPerClass((Integer) values.get(Axis.IMAGES_PER_CLASS));
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
                repeat, timeoutSeconds, suite.backendSettings().getOrDefault(backend, Map.of()),
                suite.augmentations().get(text(values, Axis.AUGMENTATION)), (Boolean) values.get(Axis.CLASS_WEIGHTS),
                (Boolean) values.get(Axis.OVERSAMPLE), init(suite, values, sourceCell),
                Stem.of(text(values, Axis.STEM)),
                new ScheduleSpec(text(values, Axis.LR_SCHEDULE), integer(values, Axis.WARMUP_EPOCHS)),
                real(values, Axis.LABEL_SMOOTHING));
    }

    private static InitSpec init(SuiteDefinition suite, Map<Axis, Object> values, String sourceCell) {
        String tune = text(values, Axis.TUNE);
        CheckpointDefinition checkpoint = suite.checkpoints().get(text(values, Axis.INIT));
        if (checkpoint == null) {
            return InitSpec.scratch().withTune(tune);
        }
        String path = checkpoint.kind().equals(InitSpec.FILE) ? checkpoint.pathFor(text(values, Axis.ARCHITECTURE))
                : null;
        return new InitSpec(checkpoint.name(), checkpoint.kind(), sourceCell, path, checkpoint.keepHead(), tune);
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
