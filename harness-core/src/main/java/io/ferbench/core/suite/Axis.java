package io.ferbench.core.suite;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The matrix keys, in canonical order (the order of {@link CellSpec#axes()} and of cell id parts).
 * Every axis has a default except {@link #DATASET}, whose default is the suite's only dataset;
 * {@link #CLASSES} and {@link #IMAGES_PER_CLASS} default to the cell's dataset's own setting.
 */
enum Axis {
    DATASET("dataset", ValueRule.Text.name("dataset name"), null, null,
            "Dataset names from datasets:. Defaults to the only dataset when the suite defines one."),
    CLASSES("classes", ValueRule.Text.free("class name", 1), FromDataset.VALUE, "cls",
            "Class subset by name, in class-index order: one list, or a list of lists for an ablation over the number "
                    + "of classes. Defaults to the dataset's classes."),
    IMAGES_PER_CLASS("images_per_class", new ValueRule.Int(1, 10_000_000), FromDataset.VALUE, "ipc",
            "Cap on the images per class (for synthetic: the number drawn). Defaults to the dataset's setting."),
    ARCHITECTURE("architecture", ValueRule.Text.choice("architecture", SuiteVocabulary.architectures()), "resnet18",
            null, "Network architecture (the model IR's name)."),
    WIDTH_MULTIPLIER("width_multiplier", new ValueRule.Real(0, false, 4, true), 1.0, "wm",
            "Channel width multiplier (MobileNetV2, ShuffleNetV2); 1.0 for the published networks."),
    BACKEND("backend", ValueRule.Text.choice("backend", SuiteVocabulary.backends()), "djl", null,
            "Deep-learning backend that trains the cell."),
    DEVICE("device", ValueRule.Text.choice("device", SuiteVocabulary.devices()), "auto", null,
            "auto uses a GPU when the backend sees one."),
    THREADS("threads", new ValueRule.Int(0, 4096), 0, "th", "Intra-op threads for the backend; 0 for its default."),
    STEM("stem", ValueRule.Text.choice("stem", io.ferbench.api.arch.Stem.ids()), "standard", "stem_",
            "standard is torchvision's network; small keeps the stem at full resolution (first convolution at stride "
                    + "1, no max-pool; ResNet-18: 3x3) for small inputs such as 48x48."),
    IMAGE_SIZE("image_size", new ValueRule.Int(16, 1024), 48, "img", "Images are resized to image_size x image_size."),
    AUGMENTATION("augmentation", ValueRule.Text.name("augmentation profile"), AugmentationSpec.NONE, "aug_",
            "Random transforms of the training images: a profile name from augmentations:, or none."),
    CLASS_WEIGHTS("class_weights", new ValueRule.Bool(), false, "cw",
            "Weight the training loss by class, N / (classes x images of the class), against class imbalance."),
    OVERSAMPLE("oversample", new ValueRule.Bool(), false, "os",
            "Each epoch, repeat images of the smaller classes (drawn with replacement) up to the largest class."),
    INIT("init", ValueRule.Text.name("checkpoint name"), InitSpec.SCRATCH, "from_",
            "Initial weights: scratch (the seeded initialisation), or a checkpoint name from checkpoints:."),
    TUNE("tune", ValueRule.Text.choice("tune mode", List.of(InitSpec.TUNE_ALL, InitSpec.TUNE_HEAD)),
            InitSpec.TUNE_ALL, "tune_", "all trains every layer (deep-tuning); head freezes the rest (fine-tuning)."),
    BATCH_SIZE("batch_size", new ValueRule.Int(1, 65536), 128, "bs", "Training batch size (the study: 128)."),
    EPOCHS("epochs", new ValueRule.Int(1, 10000), 25, "ep", "Maximum epochs (the study: 25)."),
    LEARNING_RATE("learning_rate", new ValueRule.Real(0, false, 10, true), 0.001, "lr",
            "Adam learning rate (the study: 0.001); a list, or {log_range: {from, to, per_decade}} for a grid."),
    LR_SCHEDULE("lr_schedule", ValueRule.Text.choice("learning-rate schedule", ScheduleSpec.kinds()),
            ScheduleSpec.CONSTANT, "sched_", "constant (the study), cosine (per-step decay over the epoch budget after "
                    + "the warm-up) or plateau (x0.1 after 2 epochs without improvement of the monitored metric)."),
    WARMUP_EPOCHS("warmup_epochs", new ValueRule.Int(0, 10000), 0, "wu",
            "Epochs of linear learning-rate warm-up at the start of training; below epochs."),
    OPTIMIZER("optimizer", ValueRule.Text.choice("optimizer", SuiteVocabulary.optimizers()), "adam", null,
            "Optimizer (Adam with PyTorch's semantics)."),
    BETA1("beta1", new ValueRule.Real(0, true, 1, false), 0.9, "b1", "Adam's first-moment decay."),
    BETA2("beta2", new ValueRule.Real(0, true, 1, false), 0.999, "b2", "Adam's second-moment decay."),
    EPSILON("epsilon", ValueRule.Real.above(0), 1.0e-8, "eps", "Adam's epsilon, added to the root of the second moment."),
    WEIGHT_DECAY("weight_decay", ValueRule.Real.atLeast(0), 0.0, "wd", "L2 weight decay added to the gradient."),
    LABEL_SMOOTHING("label_smoothing", new ValueRule.Real(0, true, 1, false), 0.0, "ls",
            "Label smoothing of the training loss: the target is (1 - e) one-hot + e / classes; 0 for none."),
    EARLY_STOPPING("early_stopping", new ValueRule.Bool(), true, "es",
            "Stop when the monitored metric stops improving (the study: on validation loss)."),
    MONITOR("monitor", ValueRule.Text.choice("monitor", SuiteVocabulary.monitors()), "val_loss", null,
            "Metric early stopping watches."),
    PATIENCE("patience", new ValueRule.Int(0, 10000), 5, "pat", "Epochs without improvement before stopping."),
    MIN_DELTA("min_delta", ValueRule.Real.atLeast(0), 0.0, "md", "Smallest change that counts as an improvement."),
    RESTORE_BEST("restore_best", new ValueRule.Bool(), true, "rb", "Evaluate the best epoch's weights, not the last."),
    SEED("seed", new ValueRule.Int(0, Integer.MAX_VALUE), 0, "seed",
            "Seeds weights, batch order and the engine; repeat r uses seed + r.");

    private static final Map<String, Axis> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Axis::key, Function.identity()));

    private final String key;
    private final ValueRule rule;
    private final Object defaultValue;
    private final String idPrefix;
    private final String description;

    /**
     * @param idPrefix short name before the value in cell ids ({@code lr0.001}); null to write the value alone
     *                 (values such as {@code cpu} or {@code val_loss} read well by themselves)
     */
    Axis(String key, ValueRule rule, Object defaultValue, String idPrefix, String description) {
        this.key = key;
        this.rule = rule;
        this.defaultValue = defaultValue;
        this.idPrefix = idPrefix;
        this.description = description;
    }

    String key() { return key; }

    ValueRule rule() { return rule; }

    /**
     * The value when the matrix does not name this axis: null for {@link #DATASET}, {@link FromDataset#VALUE} for the
     * axes whose default is the dataset's own setting.
     */
    Object defaultValue() { return defaultValue; }

    /** Whether the axis also takes a {@code log_range} grid. */
    boolean takesLogRange() { return this == LEARNING_RATE; }

    /** Whether one value of the axis is a list (of class names), so several values are a list of lists. */
    boolean listValued() { return this == CLASSES; }

    /** The axis as a matrix key: one value or a list. */
    SuiteKey matrixKey() {
        return new SuiteKey(key, SuiteKey.Shape.VALUES, rule, false, documentedDefault(), description);
    }

    /** The default as users can write it; null when it depends on the dataset. */
    private Object documentedDefault() {
        return defaultValue == FromDataset.VALUE ? null : defaultValue;
    }

    /** The axis as a key of an include or exclude entry: one value, no default. */
    SuiteKey entryKey() {
        return new SuiteKey(key, SuiteKey.Shape.VALUE, rule, false, null, description);
    }

    static Axis byKey(String key) { return BY_KEY.get(key); }

    /** The short names of cell ids ({@code lr}, {@code bs}, ...), each to its axis key, for suggestions. */
    static Map<String, String> shortNames() {
        return Arrays.stream(values()).filter(a -> a.idPrefix != null && !shortName(a).equals(a.key))
                .collect(Collectors.toUnmodifiableMap(Axis::shortName, Axis::key));
    }

    private static String shortName(Axis axis) {
        return axis.idPrefix.endsWith("_") ? axis.idPrefix.substring(0, axis.idPrefix.length() - 1) : axis.idPrefix;
    }

    /**
     * This axis's part of a cell id: {@code lr0.001}, {@code es_off}, {@code cpu}, {@code cls3_angry.happy.sad};
     * {@code all} where the dataset sets no cap or subset.
     */
    String idPart(Object value) {
        String text;
        if (value instanceof Boolean on) {
            text = on ? "_on" : "_off";
        } else if (value instanceof List<?> names) {
            text = names.isEmpty() ? "all" : names.size() + "_" + String.join(".", names.stream().map(String::valueOf)
                    .toList());
        } else {
            text = value == null ? "all" : NumberText.of(value);
        }
        return idPrefix == null ? text : idPrefix + text;
    }
}
