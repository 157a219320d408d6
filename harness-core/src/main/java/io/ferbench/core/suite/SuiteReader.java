package io.ferbench.core.suite;

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
        MatrixDefinition matrix = matrix(keys.get(SuiteKeys.MATRIX));
        Integer repeats = (Integer) value(keys, SuiteKeys.TOP, SuiteKeys.REPEATS, "");
        Double timeout = (Double) value(keys, SuiteKeys.TOP, SuiteKeys.TIMEOUT_MINUTES, "");
        Map<String, Map<String, String>> settings = backendSettings(keys.get(SuiteKeys.BACKEND_SETTINGS));
        return new SuiteDefinition(name, description == null ? "" : description, datasets, matrix,
                repeats == null ? 1 : repeats, timeout == null ? 0 : timeout, settings);
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
        DatasetKind kind = kindId == null ? null : DatasetKind.byId(kindId);
        if (kind != null) {
            checkKindSpecificKeys(kind, keys, definition, path);
        }
        Integer imagesPerClass = (Integer) value(keys, table, SuiteKeys.IMAGES_PER_CLASS, path);
        if (imagesPerClass == null && kind == DatasetKind.SYNTHETIC) {
            imagesPerClass = DatasetKind.SYNTHETIC_IMAGES_PER_CLASS;
        }
        List<String> classes = new ArrayList<>();
        YamlNode.Entry classesEntry = keys.get(SuiteKeys.CLASSES);
        if (classesEntry != null) {
            List<Object> names = list(classesEntry.value(), table.get(SuiteKeys.CLASSES).rule(),
                    join(path, SuiteKeys.CLASSES));
            names.forEach(n -> classes.add((String) n));
        }
        String dataPath = (String) value(keys, table, SuiteKeys.PATH, path);
        String root = (String) value(keys, table, SuiteKeys.ROOT, path);
        Boolean grayscale = (Boolean) value(keys, table, SuiteKeys.GRAYSCALE, path);
        Double minConfidence = (Double) value(keys, table, SuiteKeys.MIN_CONFIDENCE, path);
        Integer seed = (Integer) value(keys, table, SuiteKeys.SEED, path);
        if (kindId == null || grayscale == null || seed == null) {
            return null;
        }
        // Image size 0 is a placeholder: each cell applies its own image_size.
        return new DatasetSpec(definition.key(), kindId, dataPath, root, classes, imagesPerClass, 0, grayscale,
                minConfidence, seed);
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
            List<String> takers = DatasetKind.kindsTaking(entry.key());
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
        Map<Axis, List<Object>> written = new LinkedHashMap<>();
        for (YamlNode.Entry axisEntry : keys.values()) {
            Axis axis = Axis.byKey(axisEntry.key());
            if (axis != null) {
                written.put(axis, axisValues(axis, axisEntry.value(), join(SuiteKeys.MATRIX, axisEntry.key())));
            }
        }
        List<MatrixEntry> include = matrixEntries(keys.get(SuiteKeys.INCLUDE));
        List<MatrixEntry> exclude = matrixEntries(keys.get(SuiteKeys.EXCLUDE));
        Map<Axis, Object> defaults = new EnumMap<>(Axis.class);
        for (Axis axis : Axis.values()) {
            defaults.put(axis, axis.defaultValue());
        }
        if (datasetNames.size() == 1) {
            defaults.put(Axis.DATASET, datasetNames.iterator().next());
        } else if (!written.containsKey(Axis.DATASET) && datasetNames.size() > 1) {
            problems.add(entry.keyMark(), join(SuiteKeys.MATRIX, Axis.DATASET.key()), "missing required key 'dataset':"
                    + " the suite defines " + datasetNames.size() + " datasets (" + String.join(", ", datasetNames)
                    + "); name one or a list");
        }
        YamlNode.Entry excludeEntry = keys.get(SuiteKeys.EXCLUDE);
        return new MatrixDefinition(written, defaults, include, exclude, entry.keyMark(),
                excludeEntry == null ? entry.keyMark() : excludeEntry.keyMark());
    }

    /** An axis's values: one scalar, a list of scalars, or (learning rate) a log_range grid. */
    private List<Object> axisValues(Axis axis, YamlNode node, String path) {
        if (node instanceof YamlNode.Mapping grid && axis.takesLogRange()) {
            return logRange(grid, path);
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

    /** One axis value, checked by the axis rule and, for datasets, against the names under datasets:. */
    private Object axisValue(Axis axis, YamlNode.Scalar scalar, String path) {
        Object value = axis.rule().read(scalar, path, problems);
        if (axis == Axis.DATASET && value != null && !datasetNames.isEmpty() && !datasetNames.contains(value)) {
            problems.add(scalar.mark(), path, "dataset '" + value + "' is not defined under datasets"
                    + DidYouMean.hint((String) value, datasetNames) + " (defined: " + String.join(", ", datasetNames)
                    + ")");
            return null;
        }
        return value;
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
            Map<Axis, Object> values = new EnumMap<>(Axis.class);
            if (node != null) {
                if (node.entries().isEmpty()) {
                    problems.add(node.mark(), itemPath, "an empty entry would match every combination; name at "
                            + "least one matrix key");
                }
                Map<String, YamlNode.Entry> keys = knownEntries(node, SuiteKeys.MATRIX_ENTRY, itemPath, node.mark());
                for (YamlNode.Entry axisEntry : keys.values()) {
                    Axis axis = Axis.byKey(axisEntry.key());
                    String keyPath = join(itemPath, axisEntry.key());
                    Object value = axisEntry.value() instanceof YamlNode.Scalar scalar
                            ? axisValue(axis, scalar, keyPath)
                            : wrongShape(axisEntry.value(), keyPath, axis.rule().expectation()
                                    + " (an entry takes one value per key; write one entry per value)");
                    if (value != null) {
                        values.put(axis, value);
                    }
                }
            }
            entries.add(new MatrixEntry(values, itemPath, item.mark()));
        }
        return entries;
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
            Axis.BACKEND.rule().read(keyAsScalar(backend), path, problems);
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
                    }
                }
            }
            settings.put(backend.key(), Collections.unmodifiableMap(values));
        }
        return settings;
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
