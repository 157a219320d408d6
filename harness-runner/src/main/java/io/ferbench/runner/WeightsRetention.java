package io.ferbench.runner;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.suite.SuitePlan;
import io.ferbench.worker.RunLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which cells keep their {@code weights.safetensors} (tens of MB each) once they have finished: as each cell ends, the
 * weights that the chosen {@link Keep} does not need are deleted, of the cells this run ran (a resumed run leaves the
 * weights of the cells it keeps as they are).
 */
public final class WeightsRetention implements RunListener {
    /** What weights a run keeps. */
    public enum Keep {
        /** None: a checkpoint source's weights go once every cell that starts from them has ended ok. */
        NONE,
        /** The weights other cells of the suite start from (a later --resume needs them), and no others. */
        SOURCES,
        /** The sources' weights and those of the most accurate ok cell of each dataset and architecture. */
        BEST,
        /** Every cell's weights. */
        ALL;

        /** The word on the command line. */
        @Override public String toString() { return name().toLowerCase(Locale.ROOT); }
    }

    private final Keep keep;
    private RunLayout layout;
    private List<Cell> cells = List.of();
    private final Set<String> ranNow = new HashSet<>();

    public WeightsRetention(Keep keep) {
        this.keep = keep;
    }

    @Override public void runStarted(RunLayout layout, SuitePlan plan, List<Cell> toRun, List<CellResult> kept) {
        this.layout = layout;
        this.cells = plan.cells();
    }

    @Override public void cellFinished(CellResult result, List<CellResult> results) {
        ranNow.add(result.cellId());
        prune(results);
    }

    /** Deletes the weights of every cell this run ran that this policy does not keep. */
    private void prune(List<CellResult> results) {
        if (keep == Keep.ALL || layout == null) return;
        Set<String> needed = needed(results);
        for (CellResult r : results) {
            if (!ranNow.contains(r.cellId()) || needed.contains(r.cellId())) continue;
            try {
                Files.deleteIfExists(layout.weightsFile(r.cellId()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + layout.weightsFile(r.cellId()) + " (--keep-weights "
                        + keep + "): " + e.getMessage(), e);
            }
        }
    }

    private Set<String> needed(List<CellResult> results) {
        Map<String, CellStatus> status = results.stream()
                .collect(Collectors.toMap(CellResult::cellId, CellResult::status, (a, b) -> b));
        Set<String> needed = new HashSet<>();
        for (Cell cell : cells) {
            String source = cell.network().init().sourceCell();
            boolean pending = status.get(cell.id()) != CellStatus.OK;
            if (source != null && (keep != Keep.NONE || pending)) needed.add(source);
        }
        if (keep == Keep.BEST) {
            results.stream().filter(r -> r.status() == CellStatus.OK && r.test() != null)
                    .collect(Collectors.groupingBy(r -> r.cell().dataset().name() + "|" + r.cell().architecture(),
                            Collectors.maxBy(Comparator.comparingDouble(r -> r.test().accuracy()))))
                    .values().forEach(best -> best.ifPresent(r -> needed.add(r.cellId())));
        }
        return needed;
    }
}
