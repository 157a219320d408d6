/**
 * The study's analyses of a run's results: statistics over repeats, Welch's test between backends on the same
 * cell, the learning rate a sweep selects, and metric-against-axis series for ablations
 * ({@link io.ferbench.study.StudyAnalysis}); written next to {@code results.csv} by
 * {@link io.ferbench.study.AnalysisListener}.
 */
package io.ferbench.study;
