package io.ferbench.runner;

import io.ferbench.worker.data.Datasets;
import io.ferbench.api.cell.Cell;
import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.cell.InitSpec;
import io.ferbench.suite.SuitePlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks, before any cell runs, that the files a plan reads are there: each dataset's folder or CSV, and each
 * checkpoint file. A missing download is then one clear message (with the layout the dataset kind expects and the
 * suite's download hint) instead of a failed cell per combination.
 */
public final class Preflight {
    private Preflight() {}

    /** Every missing input, one message each; empty when the plan can start. */
    public static List<String> problems(SuitePlan plan, Path dataRoot) {
        Map<String, DatasetSpec> datasets = new LinkedHashMap<>();
        Set<Path> checkpoints = new LinkedHashSet<>();
        Map<Path, String> checkpointNames = new LinkedHashMap<>();
        for (Cell cell : plan.cells()) {
            datasets.putIfAbsent(cell.dataset().name(), cell.dataset());
            if (cell.network().init().source() == InitSpec.Source.FILE) {
                Path file = dataRoot.resolve(cell.network().init().path()).toAbsolutePath().normalize();
                checkpoints.add(file);
                checkpointNames.putIfAbsent(file, cell.network().init().checkpoint());
            }
        }
        List<String> problems = new ArrayList<>();
        for (DatasetSpec dataset : datasets.values()) {
            Datasets.checkAvailable(dataset, dataRoot).ifPresent(problems::add);
        }
        for (Path file : checkpoints) {
            if (!Files.isRegularFile(file)) {
                problems.add("checkpoint '" + checkpointNames.get(file) + "': " + file + " does not exist; expected a "
                        + "safetensors file keyed by IR names (torchvision's state_dict keys, which docs/study.md shows "
                        + "how to convert); relative paths start at the data root " + dataRoot);
            }
        }
        return problems;
    }
}
