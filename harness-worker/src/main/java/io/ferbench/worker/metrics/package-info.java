/**
 * Evaluation metrics from predicted class probabilities, with scikit-learn's definitions so that
 * ferbench's numbers compare directly with published Python results.
 *
 * <ul>
 *   <li>{@link io.ferbench.worker.metrics.ClassificationReport#of}: accuracy, per-class precision,
 *       recall, F1 and support, macro and weighted averages, the confusion matrix
 *       ({@code [true][predicted]}) and one-vs-rest ROC curves with their macro AUC;</li>
 *   <li>{@link io.ferbench.worker.metrics.Softmax}: numerically stable logits-to-probabilities;</li>
 *   <li>{@link io.ferbench.worker.metrics.RocPoints}: scikit-learn's {@code roc_curve} for one binary scorer;</li>
 *   <li>{@link io.ferbench.worker.metrics.Tsne}: exact t-SNE of penultimate-layer features for the
 *       report's feature scatter, deterministic per seed, built on
 *       {@link io.ferbench.worker.metrics.Pca} (randomized PCA to 50 dimensions) and
 *       {@link io.ferbench.worker.metrics.PerplexityCalibration} (the per-point neighbour distributions).</li>
 * </ul>
 *
 * <p>Undefined values: a ratio with a zero denominator in precision, recall or F1 is 0
 * ({@code zero_division=0}); a ROC curve of a class with no positive (or no negative) samples has NaN
 * rates and NaN AUC, and is left out of the macro AUC.
 */
package io.ferbench.worker.metrics;
