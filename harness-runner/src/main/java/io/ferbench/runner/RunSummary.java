package io.ferbench.runner;

import io.ferbench.worker.RunLayout;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import java.util.List;

/**
 * How a run ended.
 *
 * @param results      the latest result of every cell of the plan that has one, in plan order
 * @param ran          cells run this time
 * @param kept         finished cells of a previous run that were kept (resume)
 * @param planned      cells in the plan
 * @param interrupted  the run was cancelled (Ctrl-C) before every cell ran
 * @param writeErrors  files of the run (results.csv, report.html, ...) that could not be written, each with the
 *                     reason (a full disk); the cells' own results are unaffected
 */
public record RunSummary(RunLayout layout, List<CellResult> results, int ran, int kept, int planned,
                         boolean interrupted, List<String> writeErrors) {
    public RunSummary {
        results = List.copyOf(results);
        writeErrors = List.copyOf(writeErrors);
    }

    public RunSummary(RunLayout layout, List<CellResult> results, int ran, int kept, int planned,
                      boolean interrupted) {
        this(layout, results, ran, kept, planned, interrupted, List.of());
    }

    public RunSummary withWriteErrors(List<String> errors) {
        return new RunSummary(layout, results, ran, kept, planned, interrupted, errors);
    }

    public long count(CellStatus status) {
        return results.stream().filter(r -> r.status() == status).count();
    }

    /** Every planned cell has a result and all are ok. */
    public boolean allOk() {
        return !interrupted && results.size() == planned && count(CellStatus.OK) == planned;
    }
}
