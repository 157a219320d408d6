package io.ferbench.cli;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.names.DidYouMean;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.suite.SuitePlan;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code --rerun CELL_ID|failed}: the finished cells a resumed run runs again, by id, or every one that did not end ok
 * ({@value #FAILED}: failed and diverged cells; plain --resume already retries failed ones but keeps diverged ones).
 */
final class RerunChoice implements Predicate<CellResult> {
    static final String FAILED = "failed";

    private final Set<String> ids;
    private final boolean notOk;

    private RerunChoice(Set<String> ids, boolean notOk) {
        this.ids = Set.copyOf(ids);
        this.notOk = notOk;
    }

    /** No cell is run again. */
    static RerunChoice none() {
        return new RerunChoice(Set.of(), false);
    }

    /**
     * The choice of {@code words} (cell ids of {@code plan}, or {@value #FAILED}).
     *
     * @throws IllegalArgumentException for an id the plan does not have, with the nearest one
     */
    static RerunChoice of(List<String> words, SuitePlan plan) {
        List<String> cellIds = plan.cells().stream().map(Cell::id).toList();
        Set<String> ids = new LinkedHashSet<>();
        boolean notOk = false;
        for (String word : words) {
            String w = word.strip();
            if (w.equals(FAILED)) {
                notOk = true;
            } else if (cellIds.contains(w)) {
                ids.add(w);
            } else {
                throw new IllegalArgumentException("--rerun: suite '" + plan.name() + "' has no cell '" + w + "'"
                        + DidYouMean.suggest(w, cellIds).map(s -> "; did you mean '" + s + "'?").orElse("")
                        + " (give cell ids as `ferbench plan` lists them, or " + FAILED + ")");
            }
        }
        return new RerunChoice(ids, notOk);
    }

    @Override public boolean test(CellResult result) {
        return ids.contains(result.cellId()) || notOk && result.status() != CellStatus.OK;
    }
}
