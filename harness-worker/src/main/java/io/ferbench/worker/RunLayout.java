package io.ferbench.worker;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where a run's files go: {@code <out>/<suite name>/}, one sub-folder per cell under {@code cells/}.
 * Keeping each suite in its own folder lets one {@code --out} hold several suites.
 */
public record RunLayout(Path suiteDir) {
    public static final String RESULT_FILE = "result.json";
    /** The weights a cell that finished ok was tested with, keyed by IR names. */
    public static final String WEIGHTS_FILE = "weights.safetensors";
    public static final String DATASET_PREVIEW_FILE = "dataset.json";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public RunLayout {
        suiteDir = suiteDir.toAbsolutePath().normalize();
    }

    public static RunLayout of(Path outDir, String suiteName) {
        requireSafe("suite name", suiteName);
        return new RunLayout(outDir.resolve(suiteName));
    }

    public Path cellsDir() { return suiteDir.resolve("cells"); }

    public Path cellDir(String cellId) {
        requireSafe("cell id", cellId);
        return cellsDir().resolve(cellId);
    }

    /** The worker's request (cell spec and run settings). */
    public Path requestFile(String cellId) { return cellDir(cellId).resolve("cell.json"); }

    public Path resultFile(String cellId) { return cellDir(cellId).resolve(RESULT_FILE); }

    /** The digests of what the cell read ({@link CellInputs}), written before it starts. */
    public Path inputsFile(String cellId) { return cellDir(cellId).resolve("inputs.json"); }

    public Path stdoutLog(String cellId) { return cellDir(cellId).resolve("stdout.log"); }

    public Path stderrLog(String cellId) { return cellDir(cellId).resolve("stderr.log"); }

    public Path cellHistoryCsv(String cellId) { return cellDir(cellId).resolve("history.csv"); }

    /** The cell's final weights (safetensors, IR names); later cells may start from them. */
    public Path weightsFile(String cellId) { return cellDir(cellId).resolve(WEIGHTS_FILE); }
    /** The dataset as the cell's worker prepared it: per-class statistics and sample thumbnails. */
    public Path datasetPreviewFile(String cellId) { return cellDir(cellId).resolve(DATASET_PREVIEW_FILE); }

    /** The report's t-SNE embedding of the cell's feature sample, kept so that it is computed once. */
    public Path tsneFile(String cellId) { return cellDir(cellId).resolve("tsne.json"); }

    /** A copy of the suite file as it was run. */
    public Path suiteCopy() { return suiteDir.resolve("suite.yaml"); }

    /** The dataset audit's files for one dataset at one image size: {@code audit/<dataset>-<size>px/}. */
    public Path auditDir(String dataset, int imageSize) {
        return suiteDir.resolve("audit").resolve(dataset + "-" + imageSize + "px");
    }

    public Path resultsCsv() { return suiteDir.resolve("results.csv"); }

    /** The rows of results.csv as typed JSON. */
    public Path resultsJson() { return suiteDir.resolve("results.json"); }

    /** Every cell's history in one table. */
    public Path historyCsv() { return suiteDir.resolve("history.csv"); }

    public Path reportHtml() { return suiteDir.resolve("report.html"); }

    /** Held while a run works in this folder: one run per folder at a time. */
    public Path lockFile() { return suiteDir.resolve("run.lock"); }

    /** Held by the cluster task that runs the cell: one task per cell at a time. */
    public Path cellLockFile(String cellId) { return cellDir(cellId).resolve("cell.lock"); }

    /** The worker process of a cell while it runs (pid and start time), so no second worker starts beside it. */
    public Path workerPidFile(String cellId) { return cellDir(cellId).resolve("worker.pid"); }

    private static void requireSafe(String what, String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("the " + what + " '" + name + "' cannot name a folder: use letters, "
                    + "digits, '.', '_' and '-', starting with a letter or digit");
        }
    }
}
