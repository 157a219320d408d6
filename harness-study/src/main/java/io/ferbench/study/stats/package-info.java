/**
 * The statistics of repeated runs: mean, standard deviation and a 95 % confidence interval of the mean
 * ({@link io.ferbench.study.stats.Summary}), Welch's unequal-variance t-test between two sets of runs
 * ({@link io.ferbench.study.stats.WelchTest}), and the Student t distribution they rest on, computed through the
 * regularized incomplete beta function ({@link io.ferbench.study.stats.StudentT},
 * {@link io.ferbench.study.stats.IncompleteBeta}).
 */
package io.ferbench.study.stats;
