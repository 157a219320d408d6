/**
 * The files a run leaves for people and tools: {@code results.csv} and {@code results.json} (one row
 * a cell), {@code history.csv} (every epoch of every cell, and per cell), and {@code report.html}
 * (the comparison report, built by {@link io.ferbench.reports.html}). {@link io.ferbench.reports.ReportingListener}
 * rewrites them all, atomically, after every finished cell, so they are up to date whenever a run stops.
 */
package io.ferbench.reports;
