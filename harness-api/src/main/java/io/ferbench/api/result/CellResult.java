package io.ferbench.api.result;

import io.ferbench.api.cell.Cell;

/**
 * Everything one cell produced, with the {@link Cell} that produced it. Parts that a cell did not reach are null: a
 * failed cell may have only its cell and error; a diverged one keeps its history but has no test metrics.
 *
 * @param error        why the cell failed or diverged, null when ok
 * @param divergence   where the loss became NaN or infinite, null unless diverged
 * @param peakRssMb    peak resident memory of the worker JVM (VmHWM) in MiB, null where unknown
 * @param features     penultimate features of a test sample for t-SNE, null when not evaluated
 * @param startedAt    ISO-8601 UTC instant the cell started
 * @param finishedAt   ISO-8601 UTC instant the cell ended
 * @param wallSeconds  wall time of the cell's work in its worker (JVM start-up not included), or of the
 *                     worker as the coordinator saw it when the worker left no result
 * @param build        the ferbench build that produced the result; null in results written before it was recorded
 */
public record CellResult(Cell cell, CellStatus status, String error, Divergence divergence,
                         DatasetSummary dataset, ModelCost model, TrainingSummary training, TestMetrics test,
                         Timing timing, Double peakRssMb, EnvironmentInfo environment, FeatureSample features,
                         String startedAt, String finishedAt, double wallSeconds, BuildInfo build) {

    /** A result made by this process's build ({@link BuildInfo#current()}). */
    public CellResult(Cell cell, CellStatus status, String error, Divergence divergence,
                      DatasetSummary dataset, ModelCost model, TrainingSummary training, TestMetrics test,
                      Timing timing, Double peakRssMb, EnvironmentInfo environment, FeatureSample features,
                      String startedAt, String finishedAt, double wallSeconds) {
        this(cell, status, error, divergence, dataset, model, training, test, timing, peakRssMb, environment, features,
                startedAt, finishedAt, wallSeconds, BuildInfo.current());
    }

    public String cellId() { return cell.id(); }

    /** When the cell first reached its target accuracy; null when it set none, never reached it, or did not train. */
    public TimeToAccuracy timeToTarget() {
        return training == null ? null : training.timeToAccuracy();
    }

    public CellResult withCell(Cell newCell) {
        return new CellResult(newCell, status, error, divergence, dataset, model, training, test, timing, peakRssMb,
                environment, features, startedAt, finishedAt, wallSeconds, build);
    }
}
