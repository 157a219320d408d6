/**
 * Run-against-run comparison ({@code ferbench compare}): the cells of two run folders paired by configuration, the
 * change of each figure with its direction and Welch's t-test over repeats, written as {@code compare.csv} and a
 * self-contained {@code compare.html}.
 */
package io.ferbench.reports.compare;
