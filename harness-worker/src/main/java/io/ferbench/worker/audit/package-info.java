/**
 * The dataset audit: exact duplicates (by decoded pixels), near duplicates (by a perceptual hash), label conflicts,
 * degenerate images and class balance of a prepared dataset, within and across its splits, so that leakage between
 * training and test images is seen before anything trains. {@link io.ferbench.worker.audit.DatasetAudit} is the entry
 * point; {@link io.ferbench.worker.audit.AuditFiles} writes {@code audit.csv} and {@code audit.json}.
 */
package io.ferbench.worker.audit;
