package io.ferbench.api.cell;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One cell of an expanded suite matrix: everything a worker needs to train and evaluate one model, and everything a
 * result says about how it was made. Serialised to JSON for the worker and inside its result.
 *
 * @param suite      suite name
 * @param id         stable, file-name-safe cell id (also the results folder name)
 * @param index      position in the plan, from 0
 * @param repeat     repeat index (0-based) when the suite asks for repeats
 * @param axes       every matrix key's value for this cell, as the suite writes it ({@code 0.001}, {@code resnet18},
 *                   {@code [angry, happy]}), in the suite's canonical order; for reports and cell ids
 * @param dataset    the dataset, with the cell's image size, class subset and cap applied
 * @param network    what is trained: architecture, width, stem, initial weights
 * @param training   how it is trained: batches, epochs, optimizer, schedule, early stopping, augmentation, loss
 * @param execution  where it runs: backend, device, threads, time limit
 */
public record Cell(String suite, String id, int index, int repeat, Map<String, String> axes, DatasetSpec dataset,
                   Network network, Training training, Execution execution) {
    public Cell {
        axes = axes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    }

    /** Seeds weights, batch order and the engine: the suite's seed plus the repeat index. */
    public long seed() { return training.seed(); }

    public String backend() { return execution.backend(); }

    public String architecture() { return network.architecture(); }

    /** This cell with another time limit (a resumed run may change it without changing what the cell computes). */
    public Cell withTimeoutSeconds(long seconds) {
        return new Cell(suite, id, index, repeat, axes, dataset, network, training,
                execution.withTimeoutSeconds(seconds));
    }

    /** With {@code threads} intra-op threads, in the typed field and in the axes' text alike. */
    public Cell withThreads(int threads) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>(axes);
        if (values.containsKey(Axis.THREADS.key())) values.put(Axis.THREADS.key(), Integer.toString(threads));
        return new Cell(suite, id, index, repeat, values, dataset, network, training, execution.withThreads(threads));
    }

    public Cell withDataset(DatasetSpec value) {
        return new Cell(suite, id, index, repeat, axes, value, network, training, execution);
    }
}
