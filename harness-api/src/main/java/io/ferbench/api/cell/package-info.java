/**
 * One benchmark cell, typed: {@link io.ferbench.api.cell.Cell} and the records it is made of. The suite planner
 * makes cells, the coordinator hands one to each worker, the worker trains it, its result carries it back, and
 * results.csv, the analyses and the report read every setting from it through {@link io.ferbench.api.cell.Axis}.
 * Enumerated settings are enums whose {@code toString()} is the spelling suites and files use.
 */
package io.ferbench.api.cell;
