/**
 * The worker JVM: {@link io.ferbench.worker.WorkerMain} reads {@code cell.json} (a
 * {@link io.ferbench.worker.WorkerRequest}); {@link io.ferbench.worker.CellExecution} prepares the data, builds and
 * trains the network on the backend the {@link io.ferbench.worker.BackendRegistry} finds, evaluates it and writes
 * {@code result.json}; progress goes to the coordinator as JSON lines ({@link io.ferbench.worker.ProgressEmitter}).
 * Also the run folder's layout and the JSON and CSV file formats the coordinator and the reports share. This module
 * never sees the suite language: a worker's classpath is this module, harness-api, Jackson databind and one backend.
 */
package io.ferbench.worker;
