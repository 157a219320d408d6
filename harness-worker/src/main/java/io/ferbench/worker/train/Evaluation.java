package io.ferbench.worker.train;

/**
 * The outcome of an evaluation-mode pass over images.
 *
 * @param logits    {@code [image][class]} in the order evaluated, or null when not kept
 * @param features  penultimate features of the requested rows (in that order), or null when none requested
 */
public record Evaluation(int images, double loss, double accuracy, float[][] logits, float[][] features) {}
