package io.ferbench.worker;

import io.ferbench.api.result.CellResult;
import io.ferbench.worker.data.DatasetPreview;
import io.ferbench.worker.data.PreparedDataset;
import java.nio.file.Path;

/**
 * Entry point of a worker JVM: {@code WorkerMain <cell.json> <cellDir>}. Runs the cell, writes
 * {@code <cellDir>/result.json} atomically (a failed cell too), reports progress on standard output.
 * Once the dataset is prepared it also writes {@code <cellDir>/dataset.json} ({@link DatasetPreview}:
 * per-class statistics and sample thumbnails, for the report).
 * Exit status 0 once a result is written, {@value WorkerEntry#BAD_REQUEST} when the request cannot be read,
 * {@value ParentWatchdog#EXIT_STATUS} when its coordinator is gone ({@link ParentWatchdog}); any other ending (crash,
 * kill, out of memory) leaves no result and the coordinator records the failure.
 */
public final class WorkerMain {
    private WorkerMain() {}

    public static void main(String[] args) {
        WorkerRequest request = WorkerEntry.readRequest(args, WorkerMain.class, "<cellDir>", WorkerRequest.class,
                "worker request");
        ProgressEmitter progress = new ProgressEmitter(System.out, 250);
        Path cellDir = Path.of(args[1]);
        CellResult result = new CellExecution(request, progress)
                .onDatasetPrepared(data -> writePreview(data, cellDir)).run();
        JsonFiles.write(cellDir.resolve(RunLayout.RESULT_FILE), result, false);
        // native engines may leave non-daemon threads behind; the result is written, so leave now
        System.exit(0);
    }

    /** The preview is for the report only: a cell never fails for want of it. */
    private static void writePreview(PreparedDataset data, Path cellDir) {
        try {
            JsonFiles.write(cellDir.resolve(RunLayout.DATASET_PREVIEW_FILE),
                    DatasetPreview.of(data, DatasetPreview.SAMPLES_PER_CLASS), false);
        } catch (RuntimeException e) {
            System.err.println("warning: could not write the dataset preview for the report: " + e);
        }
    }
}
