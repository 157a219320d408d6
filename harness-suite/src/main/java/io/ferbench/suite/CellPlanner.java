package io.ferbench.suite;

import io.ferbench.api.cell.Axis;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.Device;
import io.ferbench.api.cell.Execution;
import io.ferbench.api.cell.Network;
import io.ferbench.api.cell.Training;
import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.data.DatasetKinds;
import io.ferbench.api.cell.InitSpec;
import io.ferbench.api.cell.ScheduleSpec;
import io.ferbench.api.cell.EarlyStoppingSpec;

import io.ferbench.api.arch.Stem;
import io.ferbench.api.backend.OptimizerSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns expanded combinations into {@link Cell}s: settings that default to the dataset's, the cells a checkpoint
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
    static List<Cell> cells(SuiteDefinition suite, List<Map<MatrixAxis, Object>> combinations, Problems problems) {
        CheckpointSources sources = CheckpointSources.resolve(suite, combinations, problems);
        if (!problems.isEmpty()) {
            return List.of();
        }
        int[] order = sources.dependenciesFirst();
        int[] position = new int[order.length];
        List<Map<MatrixAxis, Object>> resolved = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            position[order[k]] = k;
            resolved.add(withDatasetSettings(suite, combinations.get(order[k])));
        }
        // an axis left to each dataset's own setting is not what tells cells apart, so it does not name them
        Set<MatrixAxis> varying = EnumSet.noneOf(MatrixAxis.class);
        for (MatrixAxis axis : MatrixAxis.values()) {
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
        List<Cell> cells = new ArrayList<>();
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
    static void checkWarmup(SuiteDefinition suite, List<Cell> cells, Problems problems) {
        Set<String> seen = new HashSet<>();
        for (Cell cell : cells) {
            int warmup = cell.training().schedule().warmupEpochs();
            if (warmup > 0 && warmup >= cell.training().epochs() && seen.add(warmup + "/" + cell.training().epochs())) {
                problems.add(suite.matrix().mark(), SuiteKeys.MATRIX + "." + MatrixAxis.WARMUP_EPOCHS.key(),
                        "warmup_epochs " + warmup + " must be below epochs " + cell.training().epochs() + " (cell "
                                + cell.id() + ")");
            }
        }
    }

    /**
     * The matrix's class subsets, per dataset: at least two classes, drawable by the kind, and within the classes the
     * dataset lists (when it lists them; otherwise the data decides when the dataset is prepared).
     */
    static void checkClasses(SuiteDefinition suite, List<Cell> cells, Problems problems) {
        Set<String> seen = new HashSet<>();
        String key = SuiteKeys.MATRIX + "." + MatrixAxis.CLASSES.key();
        for (Cell cell : cells) {
            DatasetSpec declared = suite.datasets().get(cell.dataset().name());
            List<String> subset = cell.dataset().classes();
            if (subset.equals(declared.classes())) continue;  // the dataset's own list, checked where it is written
            List<String> found = new ArrayList<>(ClassRules.problems(DatasetKinds.find(declared.kind()).orElse(null),
                    subset));
            List<String> missing = declared.classes().isEmpty() ? List.of()
                    : ClassRules.missing(subset, declared.classes());
            if (!missing.isEmpty()) {
                found.add("dataset " + declared.name() + " has no class '" + String.join("', '", missing)
                        + "' (its classes: " + String.join(", ", declared.classes()) + ")");
            }
            for (String problem : found) {
                if (seen.add(problem)) problems.add(suite.matrix().mark(), key, problem + " (cell " + cell.id() + ")");
            }
        }
    }

    /** The combination with {@link FromDataset} replaced by the cell's dataset's own class subset, cap and target. */
    private static Map<MatrixAxis, Object> withDatasetSettings(SuiteDefinition suite,
                                                               Map<MatrixAxis, Object> combination) {
        Map<MatrixAxis, Object> resolved = new EnumMap<>(combination);
        DatasetSpec dataset = suite.datasets().get((String) combination.get(MatrixAxis.DATASET));
        if (resolved.get(MatrixAxis.CLASSES) == FromDataset.VALUE) {
            resolved.put(MatrixAxis.CLASSES, dataset.classes());
        }
        if (resolved.get(MatrixAxis.IMAGES_PER_CLASS) == FromDataset.VALUE) {
            resolved.put(MatrixAxis.IMAGES_PER_CLASS, dataset.imagesPerClass());
        }
        if (resolved.get(MatrixAxis.TARGET_ACCURACY) == FromDataset.VALUE) {
            resolved.put(MatrixAxis.TARGET_ACCURACY, suite.targetAccuracies().get(dataset.name()));
        }
        return resolved;
    }

    /**
     * The suite's datasets, each with the image size of the first cell that uses it (datasets no cell uses
     * get the first cell's image size).
     */
    static Map<String, DatasetSpec> datasets(SuiteDefinition suite, List<Cell> cells) {
        Map<String, DatasetSpec> datasets = new LinkedHashMap<>();
        for (DatasetSpec dataset : suite.datasets().values()) {
            int imageSize = cells.stream().filter(c -> c.dataset().name().equals(dataset.name())).findFirst()
                    .orElse(cells.get(0)).dataset().imageSize();
            datasets.put(dataset.name(), dataset.withImageSize(imageSize));
        }
        return datasets;
    }

    @SuppressWarnings("unchecked")
    private static Cell cell(SuiteDefinition suite, Map<MatrixAxis, Object> values, int index, String id, int repeat,
                                 String sourceCell) {
        DatasetSpec dataset = suite.datasets().get(text(values, MatrixAxis.DATASET))
                .withImageSize(integer(values, MatrixAxis.IMAGE_SIZE))
                .withClasses((List<String>) values.get(MatrixAxis.CLASSES))
                .withImagesPerClass((Integer) values.get(MatrixAxis.IMAGES_PER_CLASS));
        OptimizerSpec optimizer = new OptimizerSpec(text(values, MatrixAxis.OPTIMIZER),
                real(values, MatrixAxis.LEARNING_RATE), real(values, MatrixAxis.BETA1), real(values, MatrixAxis.BETA2),
                real(values, MatrixAxis.EPSILON), real(values, MatrixAxis.WEIGHT_DECAY));
        EarlyStoppingSpec earlyStopping = new EarlyStoppingSpec((Boolean) values.get(MatrixAxis.EARLY_STOPPING),
                EarlyStoppingSpec.Monitor.of(text(values, MatrixAxis.MONITOR)), integer(values, MatrixAxis.PATIENCE),
                real(values, MatrixAxis.MIN_DELTA), (Boolean) values.get(MatrixAxis.RESTORE_BEST));
        String backend = text(values, MatrixAxis.BACKEND);
        Map<String, String> axes = new LinkedHashMap<>();
        for (MatrixAxis axis : MatrixAxis.values()) {
            axes.put(axis.key(), Axis.render(values.get(axis)));
        }
        long timeoutSeconds = Math.max(1, Math.round(suite.timeoutMinutes() * 60));
        Network network = new Network(text(values, MatrixAxis.ARCHITECTURE), real(values, MatrixAxis.WIDTH_MULTIPLIER),
                Stem.of(text(values, MatrixAxis.STEM)), init(suite, values, sourceCell));
        Training training = new Training(integer(values, MatrixAxis.BATCH_SIZE), integer(values, MatrixAxis.EPOCHS),
                optimizer, new ScheduleSpec(ScheduleSpec.Kind.of(text(values, MatrixAxis.LR_SCHEDULE)),
                integer(values, MatrixAxis.WARMUP_EPOCHS)), earlyStopping,
                suite.augmentations().get(text(values, MatrixAxis.AUGMENTATION)),
                (Boolean) values.get(MatrixAxis.CLASS_WEIGHTS), (Boolean) values.get(MatrixAxis.OVERSAMPLE),
                real(values, MatrixAxis.LABEL_SMOOTHING), (long) integer(values, MatrixAxis.SEED) + repeat,
                (Double) values.get(MatrixAxis.TARGET_ACCURACY));
        Execution execution = new Execution(backend, Device.of(text(values, MatrixAxis.DEVICE)),
                integer(values, MatrixAxis.THREADS), timeoutSeconds,
                suite.backendSettings().getOrDefault(backend, Map.of()));
        return new Cell(suite.name(), id, index, repeat, axes, dataset, network, training, execution);
    }

    private static InitSpec init(SuiteDefinition suite, Map<MatrixAxis, Object> values, String sourceCell) {
        InitSpec.Tune tune = InitSpec.Tune.of(text(values, MatrixAxis.TUNE));
        CheckpointDefinition checkpoint = suite.checkpoints().get(text(values, MatrixAxis.INIT));
        if (checkpoint == null) {
            return InitSpec.scratch().withTune(tune);
        }
        String path = checkpoint.kind() == InitSpec.Source.FILE
                ? checkpoint.pathFor(text(values, MatrixAxis.ARCHITECTURE)) : null;
        return new InitSpec(checkpoint.name(), checkpoint.kind(), sourceCell, path, checkpoint.keepHead(), tune);
    }

    private static String text(Map<MatrixAxis, Object> values, MatrixAxis axis) {
        return (String) values.get(axis);
    }

    private static int integer(Map<MatrixAxis, Object> values, MatrixAxis axis) {
        return (Integer) values.get(axis);
    }

    private static double real(Map<MatrixAxis, Object> values, MatrixAxis axis) {
        return (Double) values.get(axis);
    }
}
