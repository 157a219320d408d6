package io.ferbench.api.result;

/** Precision, recall, F1 and support of one class on the test split. */
public record ClassScore(String name, double precision, double recall, double f1, int support) {}
