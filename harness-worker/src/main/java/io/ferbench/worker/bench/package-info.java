/**
 * The forked side of {@code ferbench bench}, microbenchmarks of the training step in the manner of JMH: one typed
 * parameter object ({@link io.ferbench.worker.bench.BenchParams}, JMH's {@code @Param}s) travels to a fresh JVM
 * ({@link io.ferbench.worker.bench.BenchMain}, JMH's fork), which builds the network from the IR with the IR's seeded
 * weights on one backend, times warm-up and then measured iterations of {@code trainStep} calls on seeded synthetic
 * batches ({@link io.ferbench.worker.bench.TrainStepBenchmark}), and writes the raw iteration times back
 * ({@link io.ferbench.worker.bench.ForkResult}). Forking and the statistics are the coordinator's
 * ({@code io.ferbench.runner.bench}, {@code io.ferbench.study.bench}). No data loading, augmentation or validation is
 * measured: only the backend's forward, backward and optimizer update.
 */
package io.ferbench.worker.bench;
