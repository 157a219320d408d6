package io.ferbench.study.bench;

import io.ferbench.api.backend.BackendInfo;
import io.ferbench.worker.bench.BenchParams;
import io.ferbench.worker.bench.ForkResult;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark's outcome: its parameters, its scores per {@link Mode} over the measured iterations of all its forks,
 * and the forks' raw results (iteration times, environment).
 */
public record BenchResult(BenchParams params, Map<Mode, Score> scores, List<ForkResult> forks) {
    public BenchResult {
        scores = Collections.unmodifiableMap(new EnumMap<>(scores));  // in Mode's order, in bench.json too
        forks = List.copyOf(forks);
    }

    /** Scores every mode from the forks' measured iterations; the warm-up iterations are left out. */
    public static BenchResult of(BenchParams params, List<ForkResult> forks) {
        if (forks.isEmpty()) throw new IllegalArgumentException(params.id() + ": no fork to score");
        Map<Mode, Score> scores = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            double[] values = forks.stream().flatMap(f -> f.iterationSeconds().stream())
                    .mapToDouble(s -> mode.of(s, params.batchSize(), params.steps())).toArray();
            scores.put(mode, Score.of(values));
        }
        return new BenchResult(params, scores, forks);
    }

    public Score score(Mode mode) {
        return scores.get(mode);
    }

    /** The backend's own report of the first fork (framework, native version, device), or null. */
    public BackendInfo backend() {
        return forks.get(0).environment() == null ? null : forks.get(0).environment().backend();
    }
}
