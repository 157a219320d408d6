/**
 * Forks for {@code ferbench bench}: {@link io.ferbench.runner.bench.BenchForks} starts each fork of a training-step
 * microbenchmark as a fresh JVM with that backend's worker classpath, through the same
 * {@link io.ferbench.runner.WorkerLauncher} as a cell's worker (heap, environment, watchdog), and collects the forks'
 * raw iteration times. The statistics are {@code io.ferbench.study.bench}'s.
 */
package io.ferbench.runner.bench;
