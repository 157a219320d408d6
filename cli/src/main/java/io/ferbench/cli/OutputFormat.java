package io.ferbench.cli;

/** How listing commands print their rows. */
enum OutputFormat { table, csv }
