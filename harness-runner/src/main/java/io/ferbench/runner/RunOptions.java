package io.ferbench.runner;

import io.ferbench.api.cell.Cell;
import io.ferbench.worker.RunLayout;
import io.ferbench.worker.WorkerRequest;
import io.ferbench.worker.env.CacheDirectory;
import io.ferbench.worker.train.InferenceSettings;
import io.ferbench.worker.train.TestEvaluation;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the coordinator runs a suite.
 *
 * @param outDir              results go to {@code outDir/<suite name>/}
 * @param resume              keep the finished cells of a previous run in that folder and run the rest
 * @param dataRoot            datasets' relative paths resolve against this folder
 * @param cache               ferbench's cache (prepared datasets, unpacked native libraries)
 * @param cellTimeoutSeconds  overrides every cell's own timeout when not null; 0 or less means none
 * @param peakGflops          the fp32 peak the share of peak is relative to ({@code --peak-gflops}); null to measure
 *                            each backend's own fp32 product (its faster kernel; cached per machine, backend,
 *                            device and threads)
 * @param inference           how inference speed is measured
 * @param featureSample       test images whose penultimate features are kept for t-SNE
 * @param workerHeap          the worker's -Xmx value (for example {@code 6g}), or null for a quarter of
 *                            the machine's memory, between 1 and 16 GiB
 * @param workerJvmArgs       further JVM options for the worker
 * @param shutdownHook        install a JVM shutdown hook that stops the workers on Ctrl-C
 * @param parallel            cells run at once (each in its own worker JVM); 1 runs them one after another
 */
public record RunOptions(Path outDir, boolean resume, Path dataRoot, CacheDirectory cache, Long cellTimeoutSeconds,
                         Double peakGflops, InferenceSettings inference, int featureSample, String workerHeap,
                         List<String> workerJvmArgs, boolean shutdownHook, int parallel) {
    public static final String DATA_VARIABLE = io.ferbench.worker.data.Datasets.DATA_ROOT_VARIABLE;
    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

    public RunOptions {
        outDir = outDir.toAbsolutePath().normalize();
        dataRoot = dataRoot.toAbsolutePath().normalize();
        if (peakGflops != null && (!(peakGflops > 0) || Double.isInfinite(peakGflops))) {
            throw new IllegalArgumentException("the peak GFLOP/s must be a positive number, got " + peakGflops);
        }
        if (featureSample < 0) throw new IllegalArgumentException("the feature sample cannot be negative");
        if (workerHeap != null && !HEAP.matcher(workerHeap).matches()) {
            throw new IllegalArgumentException("the worker heap '" + workerHeap
                    + "' is not a JVM size; use a number with k, m or g, for example 6g");
        }
        workerJvmArgs = List.copyOf(workerJvmArgs);
        if (parallel < 1) throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
    }

    /**
     * Defaults: data under {@code $FERBENCH_DATA} or {@code ./data}, the cache of
     * {@link CacheDirectory#fromEnvironment()}, each cell's own timeout, measured peaks.
     */
    public static RunOptions defaults(Path outDir) {
        String data = System.getenv(DATA_VARIABLE);
        return new RunOptions(outDir, false, Path.of(data == null || data.isBlank() ? "data" : data),
                CacheDirectory.fromEnvironment(), null, null, InferenceSettings.defaults(),
                TestEvaluation.DEFAULT_FEATURE_SAMPLE, null, List.of(), false, 1);
    }

    public RunOptions withResume(boolean value) {
        return new RunOptions(outDir, value, dataRoot, cache, cellTimeoutSeconds, peakGflops, inference, featureSample,
                workerHeap, workerJvmArgs, shutdownHook, parallel);
    }

    public RunOptions withDataRoot(Path value) {
        return new RunOptions(outDir, resume, value, cache, cellTimeoutSeconds, peakGflops, inference, featureSample,
                workerHeap, workerJvmArgs, shutdownHook, parallel);
    }

    public RunOptions withCache(CacheDirectory value) {
        return new RunOptions(outDir, resume, dataRoot, value, cellTimeoutSeconds, peakGflops, inference, featureSample,
                workerHeap, workerJvmArgs, shutdownHook, parallel);
    }

    public RunOptions withCellTimeoutSeconds(Long value) {
        return new RunOptions(outDir, resume, dataRoot, cache, value, peakGflops, inference, featureSample,
                workerHeap, workerJvmArgs, shutdownHook, parallel);
    }

    public RunOptions withPeakGflops(Double value) {
        return new RunOptions(outDir, resume, dataRoot, cache, cellTimeoutSeconds, value, inference, featureSample,
                workerHeap, workerJvmArgs, shutdownHook, parallel);
    }

    public RunOptions withInference(InferenceSettings value) {
        return new RunOptions(outDir, resume, dataRoot, cache, cellTimeoutSeconds, peakGflops, value, featureSample,
                workerHeap, workerJvmArgs, shutdownHook, parallel);
    }

    public RunOptions withFeatureSample(int value) {
        return new RunOptions(outDir, resume, dataRoot, cache, cellTimeoutSeconds, peakGflops, inference, value,
                workerHeap, workerJvmArgs, shutdownHook, parallel);
    }

    public RunOptions withWorkerHeap(String value) {
        return new RunOptions(outDir, resume, dataRoot, cache, cellTimeoutSeconds, peakGflops, inference, featureSample,
                value, workerJvmArgs, shutdownHook, parallel);
    }

    public RunOptions withWorkerJvmArgs(List<String> value) {
        return new RunOptions(outDir, resume, dataRoot, cache, cellTimeoutSeconds, peakGflops, inference, featureSample,
                workerHeap, value, shutdownHook, parallel);
    }

    public RunOptions withShutdownHook(boolean value) {
        return new RunOptions(outDir, resume, dataRoot, cache, cellTimeoutSeconds, peakGflops, inference, featureSample,
                workerHeap, workerJvmArgs, value, parallel);
    }

    /** The time limit of {@code cellTimeout} seconds declared by a cell, after the override; 0 for none. */
    public RunOptions withParallel(int value) {
        return new RunOptions(outDir, resume, dataRoot, cache, cellTimeoutSeconds, peakGflops, inference, featureSample,
                workerHeap, workerJvmArgs, shutdownHook, value);
    }

    /**
     * The cell as this run runs it: with several cells at once, a cell that leaves its threads to the backend gets
     * an equal share of the cores instead (its result records the threads it had).
     */
    public Cell effective(Cell cell) {
        if (parallel <= 1 || cell.execution().threads() > 0) return cell;
        return cell.withThreads(Math.max(1, Runtime.getRuntime().availableProcessors() / parallel));
    }

    /** What a worker is handed for {@code cell} in the run folder {@code layout}. */
    public WorkerRequest requestFor(Cell cell, RunLayout layout) {
        return new WorkerRequest(cell, dataRoot.toString(), cache.root().toString(), peakGflops, inference,
                featureSample, layout.cellsDir().toString());
    }

    public long effectiveTimeoutSeconds(long cellTimeout) {
        long t = cellTimeoutSeconds != null ? cellTimeoutSeconds : cellTimeout;
        return Math.max(0, t);
    }
}
