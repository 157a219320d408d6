/**
 * The {@code ferbench} command line (picocli). {@link io.ferbench.cli.RunCommand} ({@code ferbench run})
 * runs a suite through the coordinator and writes its reports.
 */
package io.ferbench.cli;
