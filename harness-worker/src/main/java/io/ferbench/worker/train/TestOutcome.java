package io.ferbench.worker.train;

import io.ferbench.api.result.FeatureSample;
import io.ferbench.api.result.TestMetrics;

/** Test-split metrics and the penultimate features of a seeded sample of test images. */
public record TestOutcome(TestMetrics metrics, FeatureSample features) {}
