package io.ferbench.worker.audit;

/**
 * One row of {@code audit.csv}: an image that belongs to a finding.
 *
 * @param kind       what was found
 * @param group      the group's number within its kind (duplicates and conflicts), or 0 for single-image findings
 * @param split      {@code train}, {@code validation} or {@code test}; empty for unreadable files
 * @param className  the image's class; empty for unreadable files
 * @param path       where the image came from
 * @param detail     a short explanation (the standard deviation of a degenerate image, the size of a mismatch, the
 *                   reason a file was unreadable); empty otherwise
 * @param index      the image's position in its split of the prepared dataset; -1 for unreadable files
 */
public record Finding(FindingKind kind, int group, String split, String className, String path, String detail,
                      int index) {}
