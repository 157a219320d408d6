/**
 * Scale-out: a run's cells handed to a cluster's own scheduler (Slurm job arrays, Kubernetes Indexed Jobs) instead of
 * run one after another here. A run is first staged ({@link io.ferbench.runner.cluster.Staging}: every cell's
 * request and an index table in the run folder); each scheduled task then runs one cell by its index
 * ({@link io.ferbench.runner.cluster.CellTask}, {@code ferbench worker}), in a forked worker JVM as the local runner
 * does, and writes its result into the shared run folder. docs/scale-out.md has the contract.
 */
package io.ferbench.runner.cluster;
