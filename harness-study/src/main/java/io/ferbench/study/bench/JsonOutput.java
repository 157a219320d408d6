package io.ferbench.study.bench;

import io.ferbench.worker.JsonFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bench.json}: every benchmark with its parameters, scores and the forks' raw results (each warm-up and
 * measured iteration's time, the machine, the backend's configuration), so that any other statistic can be
 * computed later from the same measurements.
 */
public final class JsonOutput implements BenchOutput {
    public static final String FILE = "bench.json";

    private final Path file;

    public JsonOutput(Path file) {
        this.file = file;
    }

    @Override public void write(List<BenchResult> results) {
        JsonFiles.write(file, results, true);
    }
}
