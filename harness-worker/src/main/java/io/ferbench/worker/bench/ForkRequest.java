package io.ferbench.worker.bench;

/**
 * What one fork is handed: the benchmark's parameters and which fork it is (1-based).
 */
public record ForkRequest(BenchParams params, int fork) {
    public ForkRequest {
        if (params == null) throw new IllegalArgumentException("a fork request needs its parameters");
        if (fork < 1 || fork > params.forks()) {
            throw new IllegalArgumentException("fork " + fork + " is not in 1.." + params.forks());
        }
    }
}
