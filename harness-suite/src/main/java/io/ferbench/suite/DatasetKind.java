package io.ferbench.suite;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The built-in dataset kinds and which of the kind-specific keys each one takes. */
enum DatasetKind {
    SYNTHETIC("synthetic", Set.of(), Set.of()),
    FOLDER("folder", Set.of(SuiteKeys.PATH), Set.of(SuiteKeys.PATH)),
    FER2013_CSV("fer2013-csv", Set.of(SuiteKeys.PATH), Set.of(SuiteKeys.PATH)),
    LABELS_CSV("labels-csv", Set.of(SuiteKeys.PATH), Set.of(SuiteKeys.PATH, SuiteKeys.ROOT, SuiteKeys.MIN_CONFIDENCE));

    /** Images drawn per class by the synthetic generator when the suite does not say. */
    static final int SYNTHETIC_IMAGES_PER_CLASS = 300;

    private final String id;
    private final Set<String> requiredKeys;
    private final Set<String> allowedKeys;

    /**
     * @param requiredKeys kind-specific keys this kind needs
     * @param allowedKeys  kind-specific keys this kind takes (the others are errors, not silently ignored)
     */
    DatasetKind(String id, Set<String> requiredKeys, Set<String> allowedKeys) {
        this.id = id;
        this.requiredKeys = requiredKeys;
        this.allowedKeys = allowedKeys;
    }

    String id() { return id; }

    Set<String> requiredKeys() { return requiredKeys; }

    Set<String> allowedKeys() { return allowedKeys; }

    static List<String> ids() {
        return Arrays.stream(values()).map(DatasetKind::id).toList();
    }

    static DatasetKind byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown dataset kind " + id));
    }

    /** The kinds that take {@code key}, for "applies only to …" messages. */
    static List<String> kindsTaking(String key) {
        return Arrays.stream(values()).filter(k -> k.allowedKeys.contains(key)).map(DatasetKind::id).toList();
    }
}
