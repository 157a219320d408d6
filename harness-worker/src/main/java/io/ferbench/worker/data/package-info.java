/**
 * Datasets: loading the built-in kinds ({@code synthetic}, {@code folder}, {@code fer2013-csv},
 * {@code labels-csv}), class selection by name, per-class caps, resizing and gray conversion, seeded
 * stratified splits, training-split normalisation statistics and an on-disk cache of the prepared tensors.
 *
 * <p>The entry point is {@link io.ferbench.worker.data.Datasets#prepare}; {@link io.ferbench.worker.data.SyntheticFaces}
 * draws the built-in synthetic faces and {@link io.ferbench.worker.data.DatasetStats} summarises a prepared dataset.
 * Bad data never crashes without context: it is either a {@link io.ferbench.worker.data.DatasetException} naming the
 * file, folder or line, or a skipped file listed with its reason in {@link io.ferbench.worker.data.PreparedDataset#skipped()}.
 */
package io.ferbench.worker.data;
