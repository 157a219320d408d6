package io.ferbench.runner;

import io.ferbench.worker.ProgressEvent;
import io.ferbench.worker.RunLayout;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.cell.Cell;
import io.ferbench.suite.SuitePlan;
import java.util.List;

/**
 * Observes a run: the console progress view and the report writers are listeners. Callbacks come
 * from the coordinator's thread, except {@link #progress}, which comes from the thread reading the
 * worker's output.
 */
public interface RunListener {
    /** @param toRun cells that will run; {@code kept} finished results of a previous run (resume) */
    default void runStarted(RunLayout layout, SuitePlan plan, List<Cell> toRun, List<CellResult> kept) {}

    /** @param position from 1, among the cells that run this time */
    default void cellStarted(Cell cell, int position, int count) {}

    default void workerStarted(Cell cell, ProcessHandle worker) {}

    default void progress(Cell cell, ProgressEvent event) {}

    /** @param results the latest result of every cell that has one so far, in plan order */
    default void cellFinished(CellResult result, List<CellResult> results) {}

    default void runFinished(RunSummary summary) {}
}
