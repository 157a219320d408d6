package io.ferbench.suite;

import io.ferbench.api.data.DatasetKind;
import io.ferbench.api.data.DatasetKinds;
import java.util.Optional;
import io.ferbench.api.backend.BackendDescriptor;
import io.ferbench.api.backend.BackendCatalog;
import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.cell.InitSpec;
import io.ferbench.api.cell.AugmentationSpec;
import io.ferbench.api.cell.DatasetAllowances;
import io.ferbench.api.cell.DatasetRemedies;

import io.ferbench.api.names.DidYouMean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a suite's node tree against the key table and turns it into a {@link SuiteDefinition}. It reads
 * on past every problem, so one run reports all of them; the result is only meaningful when no problem
 * was reported.
 */
final class SuiteReader {
    private final Problems problems;
    /** Names under datasets:, valid or not, so a matrix reference is checked once per mistake. */
    private final Set<String> datasetNames = new LinkedHashSet<>();
    /** Each dataset's target_accuracy, the default of the matrix's (read with the datasets). */
    private final Map<String, Double> targetAccuracies = new LinkedHashMap<>();
    /** Names under augmentations:, with {@code none}. */
    private final Set<String> augmentationNames = new LinkedHashSet<>(List.of(AugmentationSpec.NONE));
    /** Names under checkpoints:, with {@code scratch}. */
    private final Set<String> checkpointNames = new LinkedHashSet<>(List.of(InitSpec.SCRATCH));

    SuiteReader(Problems problems) {
        this.problems = problems;
    }

    /** The definition, or null when the document is not even a mapping. */
    SuiteDefinition read(YamlNode root) {
        YamlNode.Mapping top = mapping(root, "", "a suite: a mapping with the keys name, datasets and matrix");
        if (top == null) {
            return null;
        }
        Map<String, YamlNode.Entry> keys = knownEntries(top, SuiteKeys.TOP, "", SourceMark.START);
        String name = (String) value(keys, SuiteKeys.TOP, SuiteKeys.NAME, "");
        String description = (String) value(keys, SuiteKeys.TOP, SuiteKeys.DESCRIPTION, "");
        Map<String, DatasetSpec> datasets = datasets(keys.get(SuiteKeys.DATASETS));
        // names first: matrix values and checkpoints' 'with' refer to profiles and checkpoints in any order
        collectNames(keys.get(SuiteKeys.AUGMENTATIONS), augmentationNames, AugmentationSpec.NONE,
                ValueRule.Text.name("profile name"));
        collectNames(keys.get(SuiteKeys.CHECKPOINTS), checkpointNames, InitSpec.SCRATCH,
                ValueRule.Text.name("checkpoint name"));
        Map<String, AugmentationSpec> augmentations = augmentations(keys.get(SuiteKeys.AUGMENTATIONS));
        Map<String, CheckpointDefinition> checkpoints = checkpoints(keys.get(SuiteKeys.CHECKPOINTS));
        MatrixDefinition matrix = matrix(keys.get(SuiteKeys.MATRIX));
        Integer repeats = (Integer) value(keys, SuiteKeys.TOP, SuiteKeys.REPEATS, "");
        Double timeout = (Double) value(keys, SuiteKeys.TOP, SuiteKeys.TIMEOUT_MINUTES, "");
        Map<String, Map<String, String>> settings = backendSettings(keys.get(SuiteKeys.BACKEND_SETTINGS));
        return new SuiteDefinition(name, description == null ? "" : description, datasets, matrix,
                repeats == null ? 1 : repeats, timeout == null ? 0 : timeout, settings, augmentations, checkpoints,
                Map.copyOf(targetAccuracies));
    }

    /** The names a section defines (checked by {@code rule}; {@code reserved} is taken by the built-in value). */
    private void collectNames(YamlNode.Entry entry, Set<String> names, String reserved, ValueRule.Text rule) {
        if (entry == null || !(entry.value() instanceof YamlNode.Mapping definitions)) {
            return;
        }
        for (YamlNode.Entry definition : definitions.entries()) {
            String path = join(entry.key(), definition.key());
            if (definition.key().equals(reserved)) {
                problems.add(definition.keyMark(), path, "'" + reserved + "' is built in and cannot be redefined; "
                        + "choose another name");
            } else if (rule.read(keyAsScalar(definition), path, problems) != null) {
                names.add(definition.key());
            }
        }
    }

    // ---- augmentations and checkpoints --------------------------------------------------------------------

    private Map<String, AugmentationSpec> augmentations(YamlNode.Entry entry) {
        Map<String, AugmentationSpec> profiles = new LinkedHashMap<>();
        profiles.put(AugmentationSpec.NONE, AugmentationSpec.none());
        YamlNode.Mapping definitions = entry == null ? null : mapping(entry.value(), SuiteKeys.AUGMENTATIONS,
                "a mapping from profile name to its transforms, such as {light: {flip: true, rotation: 10}}");
        if (definitions == null) {
            return profiles;
        }
        KeyTable table = SuiteKeys.AUGMENTATION;
        for (YamlNode.Entry definition : definitions.entries()) {
            String path = join(SuiteKeys.AUGMENTATIONS, definition.key());
            YamlNode.Mapping node = mapping(definition.value(), path,
                    "an augmentation profile: a mapping such as {flip: true, rotation: 10}");
            if (node == null || !augmentationNames.contains(definition.key())) {
                continue;
            }
            Map<String, YamlNode.Entry> keys = knownEntries(node, table, path, definition.keyMark());
            Boolean flip = (Boolean) value(keys, table, SuiteKeys.FLIP, path);
            Double rotation = (Double) value(keys, table, SuiteKeys.ROTATION, path);
            Double translate = (Double) value(keys, table, SuiteKeys.TRANSLATE, path);
            Double crop = (Double) value(keys, table, SuiteKeys.CROP, path);
            Double brightness = (Double) value(keys, table, SuiteKeys.BRIGHTNESS, path);
            Double contrast = (Double) value(keys, table, SuiteKeys.CONTRAST, path);
            if (flip == null || rotation == null || translate == null || crop == null || brightness == null
                    || contrast == null) {
                continue;
            }
            AugmentationSpec spec = new AugmentationSpec(definition.key(), flip, rotation, translate, crop, brightness,
                    contrast);
            if (spec.isIdentity()) {
                problems.add(definition.keyMark(), path, "the profile changes nothing; switch on at least one of "
                        + String.join(", ", table.names()) + " (or use 'none')");
            }
            profiles.put(definition.key(), spec);
        }
        return profiles;
    }

    private Map<String, CheckpointDefinition> checkpoints(YamlNode.Entry entry) {
        Map<String, CheckpointDefinition> checkpoints = new LinkedHashMap<>();
        YamlNode.Mapping definitions = entry == null ? null : mapping(entry.value(), SuiteKeys.CHECKPOINTS,
                "a mapping from checkpoint name to its definition, such as {imagenet: {kind: file, path: x.safetensors}}");
        if (definitions == null) {
            return checkpoints;
        }
        KeyTable table = SuiteKeys.CHECKPOINT;
        for (YamlNode.Entry definition : definitions.entries()) {
            String path = join(SuiteKeys.CHECKPOINTS, definition.key());
            YamlNode.Mapping node = mapping(definition.value(), path,
                    "a checkpoint definition: a mapping with at least 'kind', such as {kind: cell, with: {dataset: x}}");
            if (node == null || !checkpointNames.contains(definition.key())) {
                continue;
            }
            Map<String, YamlNode.Entry> keys = knownEntries(node, table, path, definition.keyMark());
            String kindId = (String) value(keys, table, SuiteKeys.KIND, path);
            InitSpec.Source kind = kindId == null ? null : InitSpec.Source.of(kindId);
            String file = (String) value(keys, table, SuiteKeys.PATH, path);
            Boolean keepHead = (Boolean) value(keys, table, SuiteKeys.KEEP_HEAD, path);
            YamlNode.Entry withEntry = keys.get(SuiteKeys.WITH);
            Map<MatrixAxis, Object> with = new EnumMap<>(MatrixAxis.class);
            if (withEntry != null) {
                YamlNode.Mapping withNode = mapping(withEntry.value(), join(path, SuiteKeys.WITH),
                        "a mapping from matrix key to one value, such as {dataset: fer2013}");
                if (withNode != null) {
                    with = entryValues(withNode, join(path, SuiteKeys.WITH));
                }
            }
            for (MatrixAxis fixed : List.of(MatrixAxis.ARCHITECTURE, MatrixAxis.WIDTH_MULTIPLIER)) {
                if (with.containsKey(fixed)) {
                    problems.add(withEntry.keyMark(), join(path, SuiteKeys.WITH + "." + fixed.key()), "a checkpoint's "
                            + "source cell has the architecture of the cell that starts from it (weights of another "
                            + "network do not fit); remove " + fixed.key());
                }
            }
            if (kind == null || keepHead == null) {
                continue;
            }
            if (kind == InitSpec.Source.CELL && file != null) {
                problems.add(keys.get(SuiteKeys.PATH).keyMark(), join(path, SuiteKeys.PATH), "'path' is for kind file; "
                        + "a cell checkpoint names its source cell with 'with'");
            }
            if (kind == InitSpec.Source.FILE && file == null) {
                problems.add(definition.keyMark(), join(path, SuiteKeys.PATH), "missing required key 'path' for a file "
                        + "checkpoint: " + table.get(SuiteKeys.PATH).description());
            }
            if (kind == InitSpec.Source.FILE && withEntry != null) {
                problems.add(withEntry.keyMark(), join(path, SuiteKeys.WITH), "'with' is for kind cell; remove it");
            }
            checkpoints.put(definition.key(), new CheckpointDefinition(definition.key(), kind, with, file, keepHead,
                    definition.keyMark()));
        }
        return checkpoints;
    }

    // ---- datasets ---------------------------------------------------------------------------------------

    private Map<String, DatasetSpec> datasets(YamlNode.Entry entry) {
        Map<String, DatasetSpec> datasets = new LinkedHashMap<>();
        if (entry == null) {
            return datasets;
        }
        YamlNode.Mapping definitions = mapping(entry.value(), SuiteKeys.DATASETS,
                "a mapping from dataset name to its definition");
        if (definitions == null) {
            return datasets;
        }
        if (definitions.entries().isEmpty()) {
            problems.add(entry.keyMark(), SuiteKeys.DATASETS, "define at least one dataset, for example "
                    + "'synthetic-48: {kind: synthetic}'");
        }
        for (YamlNode.Entry definition : definitions.entries()) {
            String path = join(SuiteKeys.DATASETS, definition.key());
            datasetNames.add(definition.key());
            SuiteKeys.DATASET_NAME.read(keyAsScalar(definition), path, problems);
            DatasetSpec spec = dataset(definition, path);
            if (spec != null) {
                datasets.put(definition.key(), spec);
            }
        }
        return datasets;
    }

    private DatasetSpec dataset(YamlNode.Entry definition, String path) {
        YamlNode.Mapping node = mapping(definition.value(), path,
                "a dataset definition: a mapping with at least 'kind', such as {kind: folder, path: fer2013}");
        if (node == null) {
            return null;
        }
        KeyTable table = SuiteKeys.DATASET;
        Map<String, YamlNode.Entry> keys = knownEntries(node, table, path, definition.keyMark());
        String kindId = (String) value(keys, table, SuiteKeys.KIND, path);
        DatasetKind kind = kindId == null ? null : DatasetKinds.find(kindId).orElse(null);
        if (kind != null) {
            checkKindSpecificKeys(kind, keys, definition, path);
        }
        Integer imagesPerClass = (Integer) value(keys, table, SuiteKeys.IMAGES_PER_CLASS, path);
        if (imagesPerClass == null && kind != null) {
            imagesPerClass = kind.defaultImagesPerClass();
        }
        List<String> classes = new ArrayList<>();
        YamlNode.Entry classesEntry = keys.get(SuiteKeys.CLASSES);
        if (classesEntry != null) {
            List<Object> names = list(classesEntry.value(), table.get(SuiteKeys.CLASSES).rule(),
                    join(path, SuiteKeys.CLASSES));
            names.forEach(n -> classes.add((String) n));
        }
        if (classesEntry != null) checkClasses(kind, classes, classesEntry, join(path, SuiteKeys.CLASSES));
        String dataPath = (String) value(keys, table, SuiteKeys.PATH, path);
        String root = (String) value(keys, table, SuiteKeys.ROOT, path);
        Boolean grayscale = (Boolean) value(keys, table, SuiteKeys.GRAYSCALE, path);
        Double minConfidence = (Double) value(keys, table, SuiteKeys.MIN_CONFIDENCE, path);
        Integer seed = (Integer) value(keys, table, SuiteKeys.SEED, path);
        Integer classCount = (Integer) value(keys, table, SuiteKeys.CLASS_COUNT, path);
        String download = (String) value(keys, table, SuiteKeys.DOWNLOAD, path);
        String dedupe = (String) value(keys, table, SuiteKeys.DEDUPE, path);
        Boolean dropDegenerate = (Boolean) value(keys, table, SuiteKeys.DROP_DEGENERATE, path);
        Boolean followSymlinks = (Boolean) value(keys, table, SuiteKeys.FOLLOW_SYMLINKS, path);
        Boolean allowMissingClasses = (Boolean) value(keys, table, SuiteKeys.ALLOW_MISSING_CLASSES, path);
        Double targetAccuracy = (Double) value(keys, table, SuiteKeys.TARGET_ACCURACY, path);
        if (targetAccuracy != null) targetAccuracies.put(definition.key(), targetAccuracy);
        if (classCount != null && classesEntry != null) {
            problems.add(keys.get(SuiteKeys.CLASS_COUNT).keyMark(), join(path, SuiteKeys.CLASS_COUNT), "give either "
                    + "classes or class_count: the listed classes already say how many there are");
        }
        if (kindId == null || grayscale == null || seed == null || dedupe == null || dropDegenerate == null
                || followSymlinks == null || allowMissingClasses == null) {
            return null;
        }
        // Image size 0 is a placeholder: each cell applies its own image_size.
        return new DatasetSpec(definition.key(), kindId, dataPath, root, classes, imagesPerClass, 0, grayscale,
                minConfidence, seed, classCount, download,
                new DatasetRemedies(DatasetRemedies.Dedupe.of(dedupe), dropDegenerate),
                new DatasetAllowances(followSymlinks, allowMissingClasses));
    }

    /** What a worker would refuse in every cell: one class, a class the kind cannot have, a name given twice. */
    private void checkClasses(DatasetKind kind, List<String> classes, YamlNode.Entry entry, String key) {
        for (String problem : ClassRules.problems(kind, classes)) problems.add(entry.keyMark(), key, problem);
    }

    /** path is required by file-based kinds; root and min_confidence only make sense for labels-csv. */
    private void checkKindSpecificKeys(DatasetKind kind, Map<String, YamlNode.Entry> keys, YamlNode.Entry definition,
                                       String path) {
        for (String required : kind.requiredKeys()) {
            if (!keys.containsKey(required)) {
                problems.add(definition.keyMark(), join(path, required), "missing required key '" + required
                        + "' for a " + kind.id() + " dataset: " + SuiteKeys.DATASET.get(required).description());
            }
        }
        for (YamlNode.Entry entry : keys.values()) {
            List<String> takers = DatasetKinds.kindsTaking(entry.key());
            // takers is empty for keys every kind takes (classes, seed, ...)
            if (!takers.isEmpty() && !kind.allowedKeys().contains(entry.key())) {
                problems.add(entry.keyMark(), join(path, entry.key()), "'" + entry.key() + "' applies only to "
                        + String.join(", ", takers) + " datasets, not to kind " + kind.id() + "; remove it");
            }
        }
    }

    // ---- matrix ----------------------------------------------------------------------------------------

    private MatrixDefinition matrix(YamlNode.Entry entry) {
        if (entry == null) {
            return null;
        }
        YamlNode.Mapping node = mapping(entry.value(), SuiteKeys.MATRIX,
                "a mapping from matrix key to a value or a list of values");
        if (node == null) {
            return null;
        }
        Map<String, YamlNode.Entry> keys = knownEntries(node, SuiteKeys.MATRIX_KEYS, SuiteKeys.MATRIX,
                entry.keyMark());
        Map<MatrixAxis, List<Object>> written = new LinkedHashMap<>();
        for (YamlNode.Entry axisEntry : keys.values()) {
            MatrixAxis axis = MatrixAxis.byKey(axisEntry.key());
            if (axis != null) {
                written.put(axis, axisValues(axis, axisEntry.value(), join(SuiteKeys.MATRIX, axisEntry.key())));
            }
        }
        List<MatrixEntry> include = matrixEntries(keys.get(SuiteKeys.INCLUDE));
        List<MatrixEntry> exclude = matrixEntries(keys.get(SuiteKeys.EXCLUDE));
        Map<MatrixAxis, Object> defaults = new EnumMap<>(MatrixAxis.class);
        for (MatrixAxis axis : MatrixAxis.values()) {
            defaults.put(axis, axis.defaultValue());
        }
        if (datasetNames.size() == 1) {
            defaults.put(MatrixAxis.DATASET, datasetNames.iterator().next());
        } else if (!written.containsKey(MatrixAxis.DATASET) && datasetNames.size() > 1) {
            problems.add(entry.keyMark(), join(SuiteKeys.MATRIX, MatrixAxis.DATASET.key()), "missing required key 'dataset':"
                    + " the suite defines " + datasetNames.size() + " datasets (" + String.join(", ", datasetNames)
                    + "); name one or a list");
        }
        YamlNode.Entry excludeEntry = keys.get(SuiteKeys.EXCLUDE);
        return new MatrixDefinition(written, defaults, include, exclude, entry.keyMark(),
                excludeEntry == null ? entry.keyMark() : excludeEntry.keyMark());
    }

    /** An axis's values: one scalar, a list of scalars, or (learning rate) a log_range grid. */
    private List<Object> axisValues(MatrixAxis axis, YamlNode node, String path) {
        if (node instanceof YamlNode.Mapping grid && axis.takesLogRange()) {
            return logRange(grid, path);
        }
        if (axis.listValued()) {
            return listAxisValues(axis, node, path);
        }
        if (node instanceof YamlNode.Scalar scalar) {
            Object value = axisValue(axis, scalar, path);
            return value == null ? List.of() : List.of(value);
        }
        if (node instanceof YamlNode.Sequence sequence) {
            return distinctValues(sequence, path, (scalar, itemPath) -> axisValue(axis, scalar, itemPath));
        }
        problems.add(node.mark(), path, "expected " + axis.rule().expectation() + ", or a list of them"
                + (axis.takesLogRange() ? ", or {log_range: {from: 0.1, to: 1.0e-9, per_decade: 1}}" : "")
                + "; got " + node.describe());
        return List.of();
    }

    /**
     * The values of a list-valued axis: one list of names ({@code [angry, happy]}) is one value; a list of lists
     * ({@code [[angry, happy], [angry, happy, sad]]}) is several.
     */
    private List<Object> listAxisValues(MatrixAxis axis, YamlNode node, String path) {
        String shape = "a list of " + axis.rule().expectation() + "s such as [angry, happy], or a list of such lists";
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.add(node.mark(), path, "expected " + shape + ", got " + node.describe());
            return List.of();
        }
        boolean nested = !sequence.items().isEmpty() && sequence.items().get(0) instanceof YamlNode.Sequence;
        if (!nested) {
            Object one = listAxisValue(axis, node, path);
            return one == null ? List.of() : List.of(one);
        }
        List<Object> values = new ArrayList<>();
        Map<Object, SourceMark> seen = new HashMap<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            Object value = listAxisValue(axis, item, path + "[" + i + "]");
            if (value == null) {
                continue;
            }
            SourceMark first = seen.putIfAbsent(value, item.mark());
            if (first != null) {
                problems.add(item.mark(), path + "[" + i + "]", "duplicate value " + value + " (also at line "
                        + first.line() + "); give each value once");
            } else {
                values.add(value);
            }
        }
        return values;
    }

    /** One value of a list-valued axis: a non-empty list of distinct names, as an unmodifiable list. */
    private Object listAxisValue(MatrixAxis axis, YamlNode node, String path) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.add(node.mark(), path, "expected a list of " + axis.rule().expectation() + "s such as "
                    + "[angry, happy], got " + node.describe());
            return null;
        }
        int before = problems.count();
        List<Object> names = distinctValues(sequence, path, (scalar, itemPath) -> axis.rule().read(scalar, itemPath,
                problems));
        if (problems.count() > before) {
            return null;
        }
        if (axis == MatrixAxis.CLASSES && names.size() < 2) {
            problems.add(sequence.mark(), path, "a classifier needs at least 2 classes, got " + names.size());
            return null;
        }
        return List.copyOf(names);
    }

    /**
     * One axis value, checked by the axis rule and, for names, against what the suite defines (datasets,
     * augmentation profiles, checkpoints).
     */
    private Object axisValue(MatrixAxis axis, YamlNode.Scalar scalar, String path) {
        Object value = axis.rule().read(scalar, path, problems);
        if (value == null) {
            return null;
        }
        if (axis == MatrixAxis.DATASET && !datasetNames.isEmpty() && !datasetNames.contains(value)) {
            return undefined(scalar, path, "dataset", value, SuiteKeys.DATASETS, datasetNames);
        }
        if (axis == MatrixAxis.AUGMENTATION && !augmentationNames.contains(value)) {
            return undefined(scalar, path, "augmentation profile", value, SuiteKeys.AUGMENTATIONS, augmentationNames);
        }
        if (axis == MatrixAxis.INIT && !checkpointNames.contains(value)) {
            return undefined(scalar, path, "checkpoint", value, SuiteKeys.CHECKPOINTS, checkpointNames);
        }
        return value;
    }

    private Object undefined(YamlNode.Scalar scalar, String path, String noun, Object value, String section,
                             Set<String> defined) {
        problems.add(scalar.mark(), path, noun + " '" + value + "' is not defined under " + section
                + DidYouMean.hint((String) value, defined) + " (defined: " + String.join(", ", defined) + ")");
        return null;
    }

    private List<Object> logRange(YamlNode.Mapping grid, String path) {
        Map<String, YamlNode.Entry> outer = knownEntries(grid, SuiteKeys.LOG_RANGE_OBJECT, path, grid.mark());
        YamlNode.Entry range = outer.get(SuiteKeys.LOG_RANGE);
        if (range == null) {
            return List.of();
        }
        String rangePath = join(path, SuiteKeys.LOG_RANGE);
        YamlNode.Mapping node = mapping(range.value(), rangePath, "a mapping with from, to and per_decade");
        if (node == null) {
            return List.of();
        }
        KeyTable table = SuiteKeys.LOG_RANGE_KEYS;
        Map<String, YamlNode.Entry> keys = knownEntries(node, table, rangePath, range.keyMark());
        Double from = (Double) value(keys, table, SuiteKeys.FROM, rangePath);
        Double to = (Double) value(keys, table, SuiteKeys.TO, rangePath);
        Integer perDecade = (Integer) value(keys, table, SuiteKeys.PER_DECADE, rangePath);
        if (from == null || to == null || perDecade == null) {
            return List.of();
        }
        try {
            return new ArrayList<>(LogRange.values(from, to, perDecade));
        } catch (IllegalArgumentException e) {
            problems.add(range.keyMark(), rangePath, e.getMessage());
            return List.of();
        }
    }

    private List<MatrixEntry> matrixEntries(YamlNode.Entry entry) {
        List<MatrixEntry> entries = new ArrayList<>();
        if (entry == null) {
            return entries;
        }
        String path = join(SuiteKeys.MATRIX, entry.key());
        if (!(entry.value() instanceof YamlNode.Sequence list)) {
            problems.add(entry.value().mark(), path, "expected a list of mappings such as "
                    + "[{backend: djl, architecture: resnet18}], got " + entry.value().describe());
            return entries;
        }
        for (YamlNode item : list.items()) {
            String itemPath = path + "[" + entries.size() + "]";
            YamlNode.Mapping node = mapping(item, itemPath, "a mapping from matrix key to one value");
            Map<MatrixAxis, Object> values = new EnumMap<>(MatrixAxis.class);
            if (node != null) {
                if (node.entries().isEmpty()) {
                    problems.add(node.mark(), itemPath, "an empty entry would match every combination; name at "
                            + "least one matrix key");
                }
                values = entryValues(node, itemPath);
            }
            entries.add(new MatrixEntry(values, itemPath, item.mark()));
        }
        return entries;
    }

    /** One value per axis, as include/exclude entries and a checkpoint's 'with' give them. */
    private Map<MatrixAxis, Object> entryValues(YamlNode.Mapping node, String path) {
        Map<MatrixAxis, Object> values = new EnumMap<>(MatrixAxis.class);
        Map<String, YamlNode.Entry> keys = knownEntries(node, SuiteKeys.MATRIX_ENTRY, path, node.mark());
        for (YamlNode.Entry axisEntry : keys.values()) {
            MatrixAxis axis = MatrixAxis.byKey(axisEntry.key());
            String keyPath = join(path, axisEntry.key());
            Object value;
            if (axis.listValued()) {
                value = listAxisValue(axis, axisEntry.value(), keyPath);
            } else {
                value = axisEntry.value() instanceof YamlNode.Scalar scalar
                        ? axisValue(axis, scalar, keyPath)
                        : wrongShape(axisEntry.value(), keyPath, axis.rule().expectation()
                                + " (an entry takes one value per key; write one entry per value)");
            }
            if (value != null) {
                values.put(axis, value);
            }
        }
        return values;
    }

    // ---- command-line overrides ----------------------------------------------------------------------------

    /** The axis an override names; null after reporting an unknown key (with the nearest valid one). */
    MatrixAxis overrideAxis(MatrixOverrides.Override override) {
        MatrixAxis axis = MatrixAxis.byKey(override.key());
        if (axis == null) {
            problems.add(SourceMark.NONE, override.flag(), SuiteKeys.OVERRIDE_KEYS.unknownKeyMessage(override.key()));
        }
        return axis;
    }

    /**
     * The values of {@code yamlText} (an override's value, as YAML) as the matrix reads {@code axis}: the same rules,
     * names defined in the suite and messages, with the override's flag and key as the key path.
     */
    List<Object> overrideValues(MatrixAxis axis, MatrixOverrides.Override override, String yamlText) {
        Problems syntax = new Problems(override.argument());
        YamlNode node = YamlTrees.parse(yamlText, syntax);
        syntax.throwIfAny();
        return axisValues(axis, YamlNode.unmarked(node), override.path());
    }

    // ---- backend settings --------------------------------------------------------------------------------

    private Map<String, Map<String, String>> backendSettings(YamlNode.Entry entry) {
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        if (entry == null) {
            return settings;
        }
        YamlNode.Mapping node = mapping(entry.value(), SuiteKeys.BACKEND_SETTINGS,
                "a mapping from backend id to its switches, such as {dl4j: {onednn: \"true\"}}");
        if (node == null) {
            return settings;
        }
        for (YamlNode.Entry backend : node.entries()) {
            String path = join(SuiteKeys.BACKEND_SETTINGS, backend.key());
            MatrixAxis.BACKEND.rule().read(keyAsScalar(backend), path, problems);
            YamlNode.Mapping switches = mapping(backend.value(), path,
                    "a mapping from switch name to its value ({} for none)");
            Map<String, String> values = new LinkedHashMap<>();
            if (switches != null) {
                for (YamlNode.Entry setting : switches.entries()) {
                    String settingPath = join(path, setting.key());
                    ValueRule rule = new ValueRule.Switch();
                    Object value = setting.value() instanceof YamlNode.Scalar scalar
                            ? rule.read(scalar, settingPath, problems)
                            : wrongShape(setting.value(), settingPath, rule.expectation());
                    if (value != null) {
                        values.put(setting.key(), (String) value);
                        checkBackendSetting(backend.key(), setting, (String) value, settingPath);
                    }
                }
            }
            settings.put(backend.key(), Collections.unmodifiableMap(values));
        }
        return settings;
    }

    /**
     * A setting checked against the backend's descriptor, as the backend itself would check it in every worker:
     * an unknown key (with the nearest valid one) or a value of the wrong type is a problem of the suite.
     */
    private void checkBackendSetting(String backend, YamlNode.Entry setting, String value, String path) {
        Optional<BackendDescriptor> descriptor = BackendCatalog.discovered().find(backend);
        if (descriptor.isEmpty()) return;  // an unknown backend is reported once, at its key
        Optional<BackendDescriptor.Setting> declared = descriptor.get().setting(setting.key());
        if (declared.isEmpty()) {
            List<String> valid = descriptor.get().settingNames();
            problems.add(setting.keyMark(), path, "unknown " + backend + " setting '" + setting.key() + "'; valid "
                    + "settings are " + (valid.isEmpty() ? "none" : String.join(", ", valid)) + " (ferbench backends "
                    + "lists them)" + DidYouMean.hint(setting.key(), valid));
            return;
        }
        String problem = declared.get().problem(value);
        if (problem != null) problems.add(setting.value().mark(), path, problem);
    }

    // ---- shared helpers ----------------------------------------------------------------------------------

    /**
     * The entries of {@code node} whose keys {@code table} knows, in document order; reports unknown keys
     * (with the nearest valid one) and missing required keys (at {@code owner}, where the mapping is named).
     */
    private Map<String, YamlNode.Entry> knownEntries(YamlNode.Mapping node, KeyTable table, String path,
                                                     SourceMark owner) {
        Map<String, YamlNode.Entry> known = new LinkedHashMap<>();
        for (YamlNode.Entry entry : node.entries()) {
            if (table.get(entry.key()) == null) {
                problems.add(entry.keyMark(), join(path, entry.key()), table.unknownKeyMessage(entry.key()));
            } else {
                known.put(entry.key(), entry);
            }
        }
        for (SuiteKey key : table.keys()) {
            if (key.required() && !known.containsKey(key.name())) {
                problems.add(owner, join(path, key.name()), "missing required key '" + key.name() + "': "
                        + key.description() + (key.rule() == null ? "" : " Expected " + key.rule().expectation() + "."));
            }
        }
        return known;
    }

    /** A VALUE key's value from {@code entries}, its default when absent, or null after reporting a problem. */
    private Object value(Map<String, YamlNode.Entry> entries, KeyTable table, String name, String path) {
        SuiteKey key = table.get(name);
        YamlNode.Entry entry = entries.get(name);
        if (entry == null) {
            return key.defaultValue();
        }
        String keyPath = join(path, name);
        return entry.value() instanceof YamlNode.Scalar scalar
                ? key.rule().read(scalar, keyPath, problems)
                : wrongShape(entry.value(), keyPath, key.rule().expectation());
    }

    /** A non-empty list of distinct scalars. */
    private List<Object> list(YamlNode node, ValueRule rule, String path) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.add(node.mark(), path, "expected a list of " + rule.expectation() + ", got " + node.describe());
            return List.of();
        }
        return distinctValues(sequence, path, (scalar, itemPath) -> rule.read(scalar, itemPath, problems));
    }

    private interface ScalarReader {
        Object read(YamlNode.Scalar scalar, String path);
    }

    private List<Object> distinctValues(YamlNode.Sequence sequence, String path, ScalarReader reader) {
        List<Object> values = new ArrayList<>();
        if (sequence.items().isEmpty()) {
            problems.add(sequence.mark(), path, "empty list; give at least one value (or leave the key out)");
        }
        Map<Object, SourceMark> seen = new HashMap<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            YamlNode item = sequence.items().get(i);
            String itemPath = path + "[" + i + "]";
            if (!(item instanceof YamlNode.Scalar scalar)) {
                problems.add(item.mark(), itemPath, "lists hold single values, got " + item.describe()
                        + "; lists cannot be nested");
                continue;
            }
            Object value = reader.read(scalar, itemPath);
            if (value == null) {
                continue;
            }
            SourceMark first = seen.putIfAbsent(value, scalar.mark());
            if (first != null) {
                problems.add(scalar.mark(), itemPath, "duplicate value " + scalar.text() + " (also at line "
                        + first.line() + "); give each value once");
            } else {
                values.add(value);
            }
        }
        return values;
    }

    private YamlNode.Mapping mapping(YamlNode node, String path, String expectation) {
        if (node instanceof YamlNode.Mapping mapping) {
            return mapping;
        }
        problems.add(node.mark(), path, "expected " + expectation + ", got " + node.describe());
        return null;
    }

    private Object wrongShape(YamlNode node, String path, String expectation) {
        problems.add(node.mark(), path, "expected " + expectation + ", got " + node.describe());
        return null;
    }

    /** A mapping key as a scalar, so key names can be checked by the same rules as values. */
    private static YamlNode.Scalar keyAsScalar(YamlNode.Entry entry) {
        return new YamlNode.Scalar(entry.key(), entry.key(), entry.keyMark());
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
