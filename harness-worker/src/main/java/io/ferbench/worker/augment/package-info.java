/**
 * Data augmentation in the harness, so it is identical on every backend: random flips, rotations, crops, shifts and
 * brightness/contrast jitter of training images, drawn from seeded generators
 * ({@link io.ferbench.worker.augment.Augmenter}, {@link io.ferbench.worker.augment.ImageTransform}).
 */
package io.ferbench.worker.augment;
