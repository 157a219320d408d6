package io.ferbench.study.bench;

import io.ferbench.api.backend.BackendInfo;
import io.ferbench.worker.CsvTable;
import io.ferbench.worker.bench.BenchParams;
import io.ferbench.worker.bench.ForkResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench.csv}: one row per benchmark and mode with every parameter, the score, its
 * {@value Score#CONFIDENCE_PERCENT} % interval, median, min, max, and what the backend reported of itself.
 */
public final class CsvOutput implements BenchOutput {
    public static final String FILE = "bench.csv";
    static final String[] HEADER = {"benchmark", "backend", "architecture", "batch_size", "image_size", "threads",
        "device", "warmup", "iterations", "steps", "forks", "seed", "mode", "cnt", "score", "error", "confidence",
        "ci_low", "ci_high", "sd", "median", "min", "max", "unit", "framework", "native_version", "device_used",
        "parameters", "macs", "peak_rss_mib"};

    private final Path file;

    public CsvOutput(Path file) {
        this.file = file;
    }

    @Override public void write(List<BenchResult> results) {
        CsvTable table = new CsvTable(HEADER);
        for (BenchResult r : results) {
            BenchParams p = r.params();
            BackendInfo backend = r.backend();
            ForkResult first = r.forks().get(0);
            Double peakRss = r.forks().stream().map(ForkResult::peakRssMb).filter(v -> v != null)
                    .max(Double::compare).orElse(null);
            for (Mode mode : Mode.values()) {
                Score s = r.score(mode);
                List<Object> row = new ArrayList<>(List.of("trainStep", p.backend(), p.architecture(), p.batchSize(),
                        p.imageSize(), p.threads(), p.device(), p.warmup(), p.iterations(), p.steps(), p.forks(),
                        p.seed(), mode.id(), s.n(), s.mean(), s.error(), Score.CONFIDENCE, s.ciLow(), s.ciHigh(),
                        s.sd(), s.median(), s.min(), s.max(), mode.unit()));
                row.add(backend == null ? null : backend.framework());
                row.add(backend == null ? null : backend.nativeVersion());
                row.add(backend == null ? null : backend.device());
                row.add(first.parameters());
                row.add(first.macs());
                row.add(peakRss);
                table.row(row);
            }
        }
        table.writeTo(file);
    }
}
