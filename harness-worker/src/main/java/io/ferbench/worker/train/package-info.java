/**
 * The training loop, identical for every backend: seeded batch order, normalised batches,
 * validation, early stopping, divergence detection, test evaluation and benchmark timing. A backend
 * only supplies the {@link io.ferbench.api.backend.TrainableModel}; everything that decides what the
 * model sees and how it is measured lives here, so a comparison between backends compares backends.
 *
 * <p>Conventions: epochs and steps are numbered from 1; losses are cross-entropy means over images;
 * the first epoch is warm-up for timing; FLOPs are {@code 2 × MACs} per image forward and
 * {@code 6 × MACs} per image trained.
 */
package io.ferbench.worker.train;
