/**
 * Scores of {@code ferbench bench}, the training-step microbenchmarks, as JMH reports them: every measured iteration
 * of every fork pooled into {@link io.ferbench.study.bench.Score} (mean ± the half-width of the 99.9 % Student-t
 * confidence interval, with median, min and max), per benchmark as throughput (images/s) and as time per step
 * (ms/step) in {@link io.ferbench.study.bench.BenchResult}; written through one interface,
 * {@link io.ferbench.study.bench.BenchOutput}: a console table, {@code bench.csv} and {@code bench.json}.
 */
package io.ferbench.study.bench;
