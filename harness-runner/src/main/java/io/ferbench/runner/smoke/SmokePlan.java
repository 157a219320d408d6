package io.ferbench.runner.smoke;

import io.ferbench.api.arch.Architectures;
import io.ferbench.api.ir.WeightInitializer;
import io.ferbench.api.tensor.SafeTensors;
import io.ferbench.runner.PlanSelection;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.Device;
import io.ferbench.api.cell.Execution;
import io.ferbench.api.cell.Network;
import io.ferbench.api.cell.Training;
import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.cell.EarlyStoppingSpec;
import io.ferbench.api.cell.InitSpec;
import io.ferbench.api.cell.ScheduleSpec;
import io.ferbench.suite.SuitePlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A suite at toy scale: every dataset becomes synthetic faces with the same number of classes (FER2013's names keep
 * their faces, other names get other synthetic expressions), {@value #IMAGES_PER_CLASS} images per class at
 * {@value #IMAGE_SIZE}×{@value #IMAGE_SIZE}, one epoch in one batch, on the CPU; a file checkpoint becomes a stand-in
 * with torchvision's shapes (3 input channels, 1000 classes) so the conversion path runs too. Cell ids, checkpoint
 * dependencies and every other setting stay as the suite says; the suite is renamed {@code <name>-smoke} so its
 * results never mix with a real run's.
 *
 * <p>By default only enough cells run to cover every value of every categorical matrix axis at least once (plus the
 * cells they start from; see {@link CoveringCells}): that proves each dataset, class list, architecture, backend,
 * augmentation, checkpoint and switch runs, in a fraction of the cells. {@code everyCell} runs them all.
 */
public final class SmokePlan {
    /** 5 per class: the 80/20 splits leave 3 for training, 1 for validation and 1 for testing. */
    public static final int IMAGES_PER_CLASS = 5;
    public static final int TRAIN_IMAGES_PER_CLASS = 3;
    public static final int IMAGE_SIZE = 16;
    /** Classes of a dataset that names neither its classes nor their count: FER2013's seven. */
    static final int DEFAULT_CLASS_COUNT = 7;
    static final long TIMEOUT_SECONDS = 300;
    private static final String SUFFIX = "-smoke";
    /** The torchvision (ImageNet) head and input a stand-in checkpoint has. */
    private static final int IMAGENET_CLASSES = 1000;
    private static final int RGB = 3;

    private SmokePlan() {}

    /**
     * @param installedBackends  cells of other backends are left out (and noted)
     * @param standIns           folder for stand-in checkpoint files (created)
     * @param everyCell          run every cell instead of a covering subset
     */
    public static PlanSelection of(SuitePlan plan, List<String> installedBackends, Path standIns, boolean everyCell) {
        List<String> notes = new ArrayList<>();
        Map<String, SyntheticClassMap> classMaps = new HashMap<>();
        Map<String, Integer> classCounts = new LinkedHashMap<>();
        List<Cell> cells = new ArrayList<>();
        for (Cell cell : plan.cells()) {
            DatasetSpec original = plan.datasets().getOrDefault(cell.dataset().name(), cell.dataset());
            cells.add(toy(plan.name() + SUFFIX, cell, syntheticClasses(cell, original, classMaps, classCounts),
                    standIns));
        }
        classCounts.forEach((dataset, count) -> notes.add("dataset '" + dataset + "' names neither its classes nor "
                + "class_count; the smoke run draws " + count + " synthetic classes for it"));
        Map<String, DatasetSpec> datasets = new LinkedHashMap<>();
        for (Cell cell : cells) datasets.putIfAbsent(cell.dataset().name(), cell.dataset());
        SuitePlan toy = new SuitePlan(plan.name() + SUFFIX, plan.description(), plan.file(), plan.yaml(), cells,
                datasets);

        PlanSelection installed = PlanSelection.backends(toy, Set.copyOf(installedBackends),
                PlanSelection.notInstalled(installedBackends));
        notes.addAll(installed.notes());
        if (everyCell) return new PlanSelection(installed.plan(), notes);
        Set<String> chosen = CoveringCells.of(installed.plan().cells());
        int left = installed.plan().cells().size() - chosen.size();
        if (left > 0) {
            notes.add("runs " + chosen.size() + " of " + installed.plan().cells().size() + " cells, which cover every "
                    + "non-numeric value of every matrix axis (and the cells they start from); --smoke-cells all runs "
                    + "every cell");
        }
        return new PlanSelection(PlanSelection.keep(installed.plan(), c -> chosen.contains(c.id()), List.of()).plan(),
                notes);
    }

    /** The synthetic classes a cell draws: stand-ins for its dataset's classes, or for its class subset. */
    private static List<String> syntheticClasses(Cell cell, DatasetSpec original,
                                                 Map<String, SyntheticClassMap> classMaps,
                                                 Map<String, Integer> classCounts) {
        SyntheticClassMap map = classMaps.computeIfAbsent(original.name(), SyntheticClassMap::new);
        if (!cell.dataset().classes().isEmpty()) return map.map(cell.dataset().classes());
        if (!original.classes().isEmpty()) return map.map(original.classes());
        Integer count = original.classCount();
        if (count == null) {
            count = DEFAULT_CLASS_COUNT;
            classCounts.put(original.name(), count);
        }
        return map.anonymous(count);
    }

    private static Cell toy(String suite, Cell cell, List<String> classes, Path standIns) {
        DatasetSpec d = cell.dataset();
        DatasetSpec synthetic = new DatasetSpec(d.name(), "synthetic", null, null, classes, IMAGES_PER_CLASS,
                IMAGE_SIZE, d.grayscale(), null, d.seed(), null, null, d.remedies());
        // one batch of the whole training split: no batch of one image, which batch norm cannot train on
        int batch = TRAIN_IMAGES_PER_CLASS * classes.size();
        EarlyStoppingSpec es = cell.training().earlyStopping();
        InitSpec init = cell.network().init();
        if (init.source() == InitSpec.Source.FILE) {
            init = init.withPath(standIn(standIns, init.checkpoint(), cell.architecture(), cell.network().widthMultiplier())
                    .toString());
        }
        Network network = new Network(cell.architecture(), cell.network().widthMultiplier(), cell.network().stem(),
                init);
        Training t = cell.training();
        // one epoch leaves no room for a warm-up; the schedule's kind is still exercised
        Training training = new Training(batch, 1, t.optimizer(), new ScheduleSpec(t.schedule().kind(), 0), es,
                t.augmentation(), t.classWeights(), t.oversample(), t.labelSmoothing(), cell.seed(), t.targetAccuracy());
        Execution execution = new Execution(cell.backend(), Device.CPU, cell.execution().threads(), TIMEOUT_SECONDS,
                cell.execution().backendSettings());
        return new Cell(suite, cell.id(), cell.index(), cell.repeat(), cell.axes(), synthetic, network, training,
                execution);
    }

    /** A checkpoint with torchvision's ImageNet shapes for the architecture, written once per run. */
    private static Path standIn(Path folder, String checkpoint, String architecture, double widthMultiplier) {
        Path file = folder.resolve(checkpoint + "-" + architecture + "-wm" + widthMultiplier + ".safetensors")
                .toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
            }
            SafeTensors.write(WeightInitializer.initialise(Architectures.build(architecture, RGB, 64,
                    IMAGENET_CLASSES, widthMultiplier), 0), file);
        }
        return file;
    }
}
