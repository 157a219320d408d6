/**
 * Smoke runs: any suite at toy scale on synthetic data, so a test (and CI) can prove that every suite parses, plans
 * and runs end to end without its datasets ({@link io.ferbench.runner.smoke.SmokePlan}).
 */
package io.ferbench.runner.smoke;
