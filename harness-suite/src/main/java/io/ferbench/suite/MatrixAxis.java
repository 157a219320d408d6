package io.ferbench.suite;

import io.ferbench.api.backend.EpochBatches;
import io.ferbench.api.cell.Axis;

import io.ferbench.api.cell.InitSpec;
import io.ferbench.api.cell.ScheduleSpec;
import io.ferbench.api.cell.AugmentationSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The matrix keys as the suite language reads them: each {@link Axis} of the cell vocabulary (same order) with its
 * value rule, default, cell-id prefix and description.
 * Every axis has a default except {@link #DATASET}, whose default is the suite's only dataset;
 * {@link #CLASSES}, {@link #IMAGES_PER_CLASS} and {@link #TARGET_ACCURACY} default to the cell's dataset's own
 * setting.
 */
enum MatrixAxis {
    DATASET(Axis.DATASET, ValueRule.Text.name("dataset name"), null, null,
            "Dataset names from datasets:. Defaults to the only dataset when the suite defines one."),
    CLASSES(Axis.CLASSES, ValueRule.Text.free("class name", 1), FromDataset.VALUE, "cls",
            "Class subset by name, in class-index order: one list, or a list of lists for an ablation over the number "
                    + "of classes. Defaults to the dataset's classes."),
    IMAGES_PER_CLASS(Axis.IMAGES_PER_CLASS, new ValueRule.Int(1, 10_000_000), FromDataset.VALUE, "ipc",
            "Cap on the images per class (for synthetic: the number drawn). Defaults to the dataset's setting."),
    ARCHITECTURE(Axis.ARCHITECTURE, ValueRule.Text.choice("architecture", SuiteVocabulary.architectures()), "resnet18",
            null, "Network architecture (the model IR's name)."),
    WIDTH_MULTIPLIER(Axis.WIDTH_MULTIPLIER, new ValueRule.Real(0, false, 4, true), 1.0, "wm",
            "Channel width multiplier (MobileNetV2, ShuffleNetV2); 1.0 for the published networks."),
    BACKEND(Axis.BACKEND, ValueRule.Text.choice("backend", SuiteVocabulary.backends()),
            SuiteVocabulary.defaultBackend(), null,
            "Deep-learning backend that trains the cell; by default the first installed one."),
    DEVICE(Axis.DEVICE, ValueRule.Text.choice("device", SuiteVocabulary.devices()), "auto", null,
            "auto uses a GPU when the backend sees one."),
    THREADS(Axis.THREADS, new ValueRule.Int(0, 4096), 0, "th", "Intra-op threads for the backend; 0 for its default."),
    STEM(Axis.STEM, ValueRule.Text.choice("stem", io.ferbench.api.arch.Stem.ids()), "standard", "stem_",
            "standard is torchvision's network; small keeps the stem at full resolution (first convolution at stride "
                    + "1, no max-pool; ResNet-18: 3x3) for small inputs such as 48x48."),
    IMAGE_SIZE(Axis.IMAGE_SIZE, new ValueRule.Int(16, 1024), 48, "img", "Images are resized to image_size x image_size."),
    AUGMENTATION(Axis.AUGMENTATION, ValueRule.Text.name("augmentation profile"), AugmentationSpec.NONE, "aug_",
            "Random transforms of the training images: a profile name from augmentations:, or none."),
    CLASS_WEIGHTS(Axis.CLASS_WEIGHTS, new ValueRule.Bool(), false, "cw",
            "Weight the training loss by class, N / (classes x images of the class), against class imbalance."),
    OVERSAMPLE(Axis.OVERSAMPLE, new ValueRule.Bool(), false, "os",
            "Each epoch, repeat images of the smaller classes (drawn with replacement) up to the largest class."),
    INIT(Axis.INIT, ValueRule.Text.name("checkpoint name"), InitSpec.SCRATCH, "from_",
            "Initial weights: scratch (the seeded initialisation), or a checkpoint name from checkpoints:."),
    TUNE(Axis.TUNE, ValueRule.Text.choice("tune mode", InitSpec.Tune.ids()),
            InitSpec.Tune.ALL.toString(), "tune_", "all trains every layer (deep-tuning); head freezes the rest (fine-tuning)."),
    BATCH_SIZE(Axis.BATCH_SIZE, new ValueRule.Int(EpochBatches.MIN_TRAINING_BATCH, 65536), 128, "bs",
            "Training batch size (the study: 128); at least 2, since batch normalisation cannot train on one image."),
    EPOCHS(Axis.EPOCHS, new ValueRule.Int(1, 10000), 25, "ep", "Maximum epochs (the study: 25)."),
    LEARNING_RATE(Axis.LEARNING_RATE, new ValueRule.Real(0, false, 10, true), 0.001, "lr",
            "Adam learning rate (the study: 0.001); a list, or {log_range: {from, to, per_decade}} for a grid."),
    LR_SCHEDULE(Axis.LR_SCHEDULE, ValueRule.Text.choice("learning-rate schedule", ScheduleSpec.Kind.ids()),
            ScheduleSpec.Kind.CONSTANT.toString(), "sched_", "constant (the study), cosine (per-step decay over the epoch budget after "
                    + "the warm-up) or plateau (x0.1 after 2 epochs without improvement of the monitored metric)."),
    WARMUP_EPOCHS(Axis.WARMUP_EPOCHS, new ValueRule.Int(0, 10000), 0, "wu",
            "Epochs of linear learning-rate warm-up at the start of training; below epochs."),
    OPTIMIZER(Axis.OPTIMIZER, ValueRule.Text.choice("optimizer", SuiteVocabulary.optimizers()), "adam", null,
            "Optimizer (Adam with PyTorch's semantics)."),
    BETA1(Axis.BETA1, new ValueRule.Real(0, true, 1, false), 0.9, "b1", "Adam's first-moment decay."),
    BETA2(Axis.BETA2, new ValueRule.Real(0, true, 1, false), 0.999, "b2", "Adam's second-moment decay."),
    EPSILON(Axis.EPSILON, ValueRule.Real.above(0), 1.0e-8, "eps", "Adam's epsilon, added to the root of the second moment."),
    WEIGHT_DECAY(Axis.WEIGHT_DECAY, ValueRule.Real.atLeast(0), 0.0, "wd", "L2 weight decay added to the gradient."),
    LABEL_SMOOTHING(Axis.LABEL_SMOOTHING, new ValueRule.Real(0, true, 1, false), 0.0, "ls",
            "Label smoothing of the training loss: the target is (1 - e) one-hot + e / classes; 0 for none."),
    EARLY_STOPPING(Axis.EARLY_STOPPING, new ValueRule.Bool(), true, "es",
            "Stop when the monitored metric stops improving (the study: on validation loss)."),
    MONITOR(Axis.MONITOR, ValueRule.Text.choice("monitor", SuiteVocabulary.monitors()), "val_loss", null,
            "Metric early stopping watches."),
    PATIENCE(Axis.PATIENCE, new ValueRule.Int(0, 10000), 5, "pat", "Epochs without improvement before stopping."),
    MIN_DELTA(Axis.MIN_DELTA, ValueRule.Real.atLeast(0), 0.0, "md", "Smallest change that counts as an improvement."),
    RESTORE_BEST(Axis.RESTORE_BEST, new ValueRule.Bool(), true, "rb", "Evaluate the best epoch's weights, not the last."),
    TARGET_ACCURACY(Axis.TARGET_ACCURACY, new ValueRule.Real(0, false, 1, true), FromDataset.VALUE, "ta",
            "Validation accuracy (0-1] whose first reaching each cell times: epochs and seconds to it (time to "
                    + "accuracy). Defaults to the dataset's target_accuracy; none when neither sets one."),
    SEED(Axis.SEED, new ValueRule.Int(0, Integer.MAX_VALUE), 0, "seed",
            "Seeds weights, batch order and the engine; repeat r uses seed + r.");

    private static final Map<String, MatrixAxis> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MatrixAxis::key, Function.identity()));

    private final Axis axis;
    private final String key;
    private final ValueRule rule;
    private final Object defaultValue;
    private final String idPrefix;
    private final String description;

    /**
     * @param idPrefix short name before the value in cell ids ({@code lr0.001}); null to write the value alone
     *                 (values such as {@code cpu} or {@code val_loss} read well by themselves)
     */
    MatrixAxis(Axis axis, ValueRule rule, Object defaultValue, String idPrefix, String description) {
        this.axis = axis;
        this.key = axis.key();
        this.rule = rule;
        this.defaultValue = defaultValue;
        this.idPrefix = idPrefix;
        this.description = description;
    }

    String key() { return key; }

    /** The axis of the cell vocabulary this matrix key sets. */
    Axis axis() { return axis; }

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

    static MatrixAxis byKey(String key) { return BY_KEY.get(key); }

    /** The short names of cell ids ({@code lr}, {@code bs}, ...), each to its axis key, for suggestions. */
    static Map<String, String> shortNames() {
        return Arrays.stream(values()).filter(a -> a.idPrefix != null && !shortName(a).equals(a.key))
                .collect(Collectors.toUnmodifiableMap(MatrixAxis::shortName, MatrixAxis::key));
    }

    private static String shortName(MatrixAxis axis) {
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
            text = value == null ? (this == TARGET_ACCURACY ? "none" : "all") : NumberText.of(value);
        }
        return idPrefix == null ? text : idPrefix + text;
    }
}
