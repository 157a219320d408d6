/**
 * What one benchmark cell produced, as plain records: configuration, status, per-epoch history,
 * test metrics, timings, model cost, memory and environment. A worker writes a
 * {@link io.ferbench.api.result.CellResult} as JSON; the reports read it back to write CSV and HTML.
 * Optional figures are boxed ({@code Double}, {@code Integer}) and null when they do not exist (for
 * example the test metrics of a failed cell), so no NaN ever reaches a file.
 */
package io.ferbench.api.result;
