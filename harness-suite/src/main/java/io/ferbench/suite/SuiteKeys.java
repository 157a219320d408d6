package io.ferbench.suite;

import io.ferbench.api.data.DatasetKinds;
import io.ferbench.api.cell.InitSpec;
import io.ferbench.api.cell.DatasetRemedies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The key table: every key a suite may contain, per mapping. The parser accepts exactly these keys and
 * {@link SuiteSchema} publishes exactly these keys, so the two cannot disagree.
 */
final class SuiteKeys {
    private SuiteKeys() {
    }

    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String DATASETS = "datasets";
    static final String MATRIX = "matrix";
    static final String REPEATS = "repeats";
    static final String TIMEOUT_MINUTES = "timeout_minutes";
    static final String BACKEND_SETTINGS = "backend_settings";
    static final String AUGMENTATIONS = "augmentations";
    static final String CHECKPOINTS = "checkpoints";

    static final String KIND = "kind";
    static final String PATH = "path";
    static final String ROOT = "root";
    static final String CLASSES = "classes";
    static final String IMAGES_PER_CLASS = "images_per_class";
    static final String TARGET_ACCURACY = "target_accuracy";
    static final String GRAYSCALE = "grayscale";
    static final String MIN_CONFIDENCE = "min_confidence";
    static final String SEED = "seed";
    static final String DEDUPE = "dedupe";
    static final String FOLLOW_SYMLINKS = "follow_symlinks";
    static final String ALLOW_MISSING_CLASSES = "allow_missing_classes";
    static final String DROP_DEGENERATE = "drop_degenerate";
    static final String CLASS_COUNT = "class_count";
    static final String DOWNLOAD = "download";

    static final String FLIP = "flip";
    static final String ROTATION = "rotation";
    static final String TRANSLATE = "translate";
    static final String CROP = "crop";
    static final String BRIGHTNESS = "brightness";
    static final String CONTRAST = "contrast";

    static final String WITH = "with";
    static final String KEEP_HEAD = "keep_head";

    static final String INCLUDE = "include";
    static final String EXCLUDE = "exclude";

    static final String LOG_RANGE = "log_range";
    static final String FROM = "from";
    static final String TO = "to";
    static final String PER_DECADE = "per_decade";

    /** Dataset names and setting names share the suite name's pattern, so they are safe in file names. */
    static final ValueRule.Text DATASET_NAME = ValueRule.Text.name("dataset name");

    static final KeyTable TOP = new KeyTable("a suite", List.of(
            SuiteKey.requiredValue(NAME, ValueRule.Text.name("suite name"),
                    "Suite name; names the results folder."),
            SuiteKey.value(DESCRIPTION, ValueRule.Text.free("description", 0), null, "Free text for reports."),
            SuiteKey.section(DATASETS, true, "Named dataset definitions the matrix refers to."),
            SuiteKey.section(MATRIX, true,
                    "Axes whose cartesian product (less exclude, plus include) gives the cells."),
            SuiteKey.value(REPEATS, new ValueRule.Int(1, 1000), 1,
                    "Each cell runs this many times, with seeds seed, seed+1, ..."),
            SuiteKey.value(TIMEOUT_MINUTES, new ValueRule.Real(0, false, 10080, true), 60.0,
                    "A cell's worker is stopped after this many minutes."),
            SuiteKey.section(BACKEND_SETTINGS, false,
                    "Per-backend switches, by backend id, passed to the backend and recorded in results."),
            SuiteKey.section(AUGMENTATIONS, false,
                    "Named augmentation profiles (random transforms of the training images) for the matrix's "
                            + "augmentation axis."),
            SuiteKey.section(CHECKPOINTS, false,
                    "Named starting weights for the matrix's init axis: another cell of this suite, or a file.")));

    static final KeyTable DATASET = new KeyTable("a dataset", List.of(
            SuiteKey.requiredValue(KIND, ValueRule.Text.choice("dataset kind", DatasetKinds.ids()),
                    "synthetic (drawn faces), folder (one sub-folder per class), fer2013-csv, labels-csv."),
            SuiteKey.value(PATH, ValueRule.Text.free("path", 1), null,
                    "Folder or CSV file, relative to the data root; required except for synthetic."),
            SuiteKey.value(ROOT, ValueRule.Text.free("path", 1), null,
                    "labels-csv only: folder the CSV's image paths are relative to (default: the CSV's folder)."),
            new SuiteKey(CLASSES, SuiteKey.Shape.LIST, ValueRule.Text.free("class name", 1), false, null,
                    "Class subset by name, in class-index order; all classes when left out."),
            SuiteKey.value(IMAGES_PER_CLASS, new ValueRule.Int(1, 10_000_000), null,
                    "Cap per class; " + drawnPerClass() + "."),
            SuiteKey.value(GRAYSCALE, new ValueRule.Bool(), true, "Convert to one channel (the study's setting)."),
            SuiteKey.value(MIN_CONFIDENCE, new ValueRule.Real(0, true, 1, true), null,
                    "labels-csv only: drop rows whose confidence is below this."),
            SuiteKey.value(SEED, new ValueRule.Int(0, Integer.MAX_VALUE), 0,
                    "Seeds the stratified splits and the synthetic drawing."),
            SuiteKey.value(CLASS_COUNT, new ValueRule.Int(2, 10_000), null,
                    "For a dataset that does not list its classes: how many it must have (checked when it is "
                            + "prepared; smoke runs draw that many synthetic classes)."),
            SuiteKey.value(DOWNLOAD, ValueRule.Text.free("text", 1), null,
                    "Where to get the data and how to unpack it; shown when the data is missing."),
            SuiteKey.value(DEDUPE, ValueRule.Text.choice("dedupe", DatasetRemedies.Dedupe.ids()), "none",
                    "What a run drops of the duplicates the dataset audit finds: none (report only), "
                            + "drop-test-overlap (validation and test images with a copy in training, test images with one in "
                            + "validation), drop-all "
                            + "(label-conflicting groups, and all but one image of every other group)."),
            SuiteKey.value(DROP_DEGENERATE, new ValueRule.Bool(), false,
                    "Drop blank or nearly constant images (pixel standard deviation below 2 of 255)."),
            SuiteKey.value(FOLLOW_SYMLINKS, new ValueRule.Bool(), false,
                    "Use images and folders that are symbolic links to places outside the dataset's folder "
                            + "(refused by default)."),
            SuiteKey.value(ALLOW_MISSING_CLASSES, new ValueRule.Bool(), false,
                    "Accept a class without images in a validation or test split the dataset brings (refused by "
                            + "default: it would count 0 in the macro recall and F1)."),
            SuiteKey.value(TARGET_ACCURACY, new ValueRule.Real(0, false, 1, true), null,
                    "Validation accuracy (0-1] whose first reaching each cell on this dataset times (time to "
                            + "accuracy); the matrix's target_accuracy overrides it.")));

    /** An augmentation profile: every transform off unless named. */
    static final KeyTable AUGMENTATION = new KeyTable("an augmentation profile", List.of(
            SuiteKey.value(FLIP, new ValueRule.Bool(), false, "Mirror left-right with probability 1/2."),
            SuiteKey.value(ROTATION, new ValueRule.Real(0, true, 180, true), 0.0,
                    "Rotate by a uniform angle in [-rotation, rotation] degrees."),
            SuiteKey.value(TRANSLATE, new ValueRule.Real(0, true, 0.5, true), 0.0,
                    "Shift by up to this fraction of the image side, in x and in y."),
            SuiteKey.value(CROP, new ValueRule.Real(0, false, 1, true), 1.0,
                    "Zoom into a random square whose side is a uniform fraction in [crop, 1] of the image."),
            SuiteKey.value(BRIGHTNESS, new ValueRule.Real(0, true, 1, true), 0.0,
                    "Multiply pixels by a uniform factor in [1 - brightness, 1 + brightness]."),
            SuiteKey.value(CONTRAST, new ValueRule.Real(0, true, 1, true), 0.0,
                    "Blend with the image mean by a uniform factor in [1 - contrast, 1 + contrast].")));

    /** A checkpoint definition. */
    static final KeyTable CHECKPOINT = new KeyTable("a checkpoint", List.of(
            SuiteKey.requiredValue(KIND, ValueRule.Text.choice("checkpoint kind", List.of(InitSpec.Source.CELL.toString(),
                    InitSpec.Source.FILE.toString())), "cell (the weights another cell of this suite ends with) or file (safetensors)."),
            SuiteKey.section(WITH, false, "cell only: the source cell's matrix values where they differ from the cell "
                    + "that starts from it; init is scratch and tune is all unless named."),
            SuiteKey.value(PATH, ValueRule.Text.free("path", 1), null,
                    "file only: a safetensors file keyed by IR names (torchvision's state_dict keys), relative to the "
                            + "data root; {architecture} is replaced by the cell's architecture."),
            SuiteKey.value(KEEP_HEAD, new ValueRule.Bool(), false,
                    "Load the classifier head too (only when the class counts match); otherwise it starts afresh.")));

    static final KeyTable MATRIX_KEYS = new KeyTable("the matrix", matrixKeys(), MatrixAxis.shortNames());

    /** Keys of one include or exclude entry: the axes, one value each. */
    static final KeyTable MATRIX_ENTRY = new KeyTable("an include/exclude entry", Arrays.stream(MatrixAxis.values())
            .map(MatrixAxis::entryKey).toList(), MatrixAxis.shortNames());

    /** Keys of a command-line override ({@code --only}, {@code --set}): the axes, as in an entry. */
    static final KeyTable OVERRIDE_KEYS = new KeyTable("the matrix keys --only and --set take", Arrays.stream(
            MatrixAxis.values()).map(MatrixAxis::entryKey).toList(), MatrixAxis.shortNames());

    /** The one key of a learning-rate grid object. */
    static final KeyTable LOG_RANGE_OBJECT = new KeyTable("a learning-rate grid", List.of(
            SuiteKey.section(LOG_RANGE, true, "Values spaced evenly in log10 from 'from' to 'to', both included.")));

    static final KeyTable LOG_RANGE_KEYS = new KeyTable("log_range", List.of(
            SuiteKey.requiredValue(FROM, MatrixAxis.LEARNING_RATE.rule(), "First value of the grid."),
            SuiteKey.requiredValue(TO, MatrixAxis.LEARNING_RATE.rule(), "Last value; must lie on the grid."),
            SuiteKey.value(PER_DECADE, new ValueRule.Int(1, 100), 1, "Values per factor of ten.")));

    private static List<SuiteKey> matrixKeys() {
        List<SuiteKey> keys = new ArrayList<>();
        for (MatrixAxis axis : MatrixAxis.values()) {
            keys.add(axis.matrixKey());
        }
        keys.add(SuiteKey.section(INCLUDE, false, "Combinations to extend or add (GitHub Actions semantics)."));
        keys.add(SuiteKey.section(EXCLUDE, false, "Combinations to remove: every one matching all keys of an entry."));
        return keys;
    }

    /** {@code for synthetic the number drawn per class (default 300)}: the kinds that set their own default. */
    private static String drawnPerClass() {
        return String.join("; ", DatasetKinds.all().stream().filter(k -> k.defaultImagesPerClass() != null)
                .map(k -> "for " + k.id() + " the number drawn per class (default " + k.defaultImagesPerClass() + ")")
                .toList());
    }
}
