/**
 * Runs a suite: the {@link io.ferbench.runner.Coordinator} starts one worker JVM per cell
 * ({@link io.ferbench.worker.WorkerMain}, with core and that backend's jars only), streams its
 * progress, enforces the cell's timeout, and records every finished cell atomically; a crashed,
 * killed or timed-out worker fails its cell and the suite goes on.
 *
 * <p>Folder layout of a run ({@link io.ferbench.worker.RunLayout}): {@code <out>/<suite>/}
 * holds {@code suite.yaml}, {@code results.csv}, {@code results.json}, {@code history.csv},
 * {@code report.html} and
 * {@code cells/<cell-id>/} with {@code cell.json} (the worker's request), {@code result.json},
 * {@code history.csv}, {@code stdout.log} and {@code stderr.log}.
 */
package io.ferbench.runner;
