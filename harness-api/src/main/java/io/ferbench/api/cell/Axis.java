package io.ferbench.api.cell;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The matrix keys of a suite, in canonical order (the order of {@link Cell#axes()} and of cell id parts), each with
 * how to read its value from a {@link Cell}. The one list of axis names: the suite language, the analyses and the
 * report all use it.
 */
public enum Axis {
    DATASET("dataset", c -> c.dataset().name()),
    CLASSES("classes", c -> c.dataset().classes()),
    IMAGES_PER_CLASS("images_per_class", c -> c.dataset().imagesPerClass()),
    ARCHITECTURE("architecture", c -> c.network().architecture()),
    WIDTH_MULTIPLIER("width_multiplier", c -> c.network().widthMultiplier()),
    BACKEND("backend", c -> c.execution().backend()),
    DEVICE("device", c -> c.execution().device()),
    THREADS("threads", c -> c.execution().threads()),
    STEM("stem", c -> c.network().stem()),
    IMAGE_SIZE("image_size", c -> c.dataset().imageSize()),
    AUGMENTATION("augmentation", c -> c.training().augmentation().name()),
    CLASS_WEIGHTS("class_weights", c -> c.training().classWeights()),
    OVERSAMPLE("oversample", c -> c.training().oversample()),
    INIT("init", c -> c.network().init().checkpoint()),
    TUNE("tune", c -> c.network().init().tune()),
    BATCH_SIZE("batch_size", c -> c.training().batchSize()),
    EPOCHS("epochs", c -> c.training().epochs()),
    LEARNING_RATE("learning_rate", c -> c.training().optimizer().learningRate()),
    LR_SCHEDULE("lr_schedule", c -> c.training().schedule().kind()),
    WARMUP_EPOCHS("warmup_epochs", c -> c.training().schedule().warmupEpochs()),
    OPTIMIZER("optimizer", c -> c.training().optimizer().type()),
    BETA1("beta1", c -> c.training().optimizer().beta1()),
    BETA2("beta2", c -> c.training().optimizer().beta2()),
    EPSILON("epsilon", c -> c.training().optimizer().epsilon()),
    WEIGHT_DECAY("weight_decay", c -> c.training().optimizer().weightDecay()),
    LABEL_SMOOTHING("label_smoothing", c -> c.training().labelSmoothing()),
    EARLY_STOPPING("early_stopping", c -> c.training().earlyStopping().enabled()),
    MONITOR("monitor", c -> c.training().earlyStopping().monitor()),
    PATIENCE("patience", c -> c.training().earlyStopping().patience()),
    MIN_DELTA("min_delta", c -> c.training().earlyStopping().minDelta()),
    RESTORE_BEST("restore_best", c -> c.training().earlyStopping().restoreBest()),
    TARGET_ACCURACY("target_accuracy", c -> c.training().targetAccuracy()),
    /** The suite's seed: a cell's own seed less its repeat index. */
    SEED("seed", c -> c.seed() - c.repeat());

    private static final Map<String, Axis> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Axis::key, Function.identity()));

    private final String key;
    private final Function<Cell, Object> reader;

    Axis(String key, Function<Cell, Object> reader) {
        this.key = key;
        this.reader = reader;
    }

    /** The key as suites write it. */
    public String key() { return key; }

    /** This axis's value in {@code cell}, typed (a number, a boolean, an enum, a list of class names). */
    public Object read(Cell cell) { return reader.apply(cell); }

    /**
     * The value as the cell's suite wrote it when the cell records it, else as read from the cell and rendered the
     * same way ({@link #render}).
     */
    public String text(Cell cell) {
        String recorded = cell.axes().get(key);
        return recorded != null ? recorded : render(read(cell));
    }

    /** A value as {@link Cell#axes()} holds it ({@code String.valueOf}: {@code 0.001}, {@code [angry, happy]}). */
    public static String render(Object value) {
        return String.valueOf(value);
    }

    public static Optional<Axis> byKey(String key) { return Optional.ofNullable(BY_KEY.get(key)); }

    public static List<String> keys() { return Arrays.stream(values()).map(Axis::key).toList(); }
}
