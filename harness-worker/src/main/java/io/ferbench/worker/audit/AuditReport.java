package io.ferbench.worker.audit;

import java.util.List;
import java.util.Map;

/**
 * What the audit of one prepared dataset found.
 *
 * @param dataset        the dataset's name
 * @param options        the thresholds used
 * @param classNames     class names in index order
 * @param classBalance   images per class, per split ({@code train}, {@code validation}, {@code test})
 * @param summary        counts per finding and split combination, in a stable order
 * @param leaks          groups with a member in the test split and one in training or validation
 * @param findings       every image that belongs to a finding, one row each
 * @param seconds        the audit's wall time, hashing included
 */
public record AuditReport(String dataset, AuditOptions options, List<String> classNames,
                          Map<String, int[]> classBalance, List<SummaryRow> summary, Leaks leaks,
                          List<Finding> findings, double seconds) {

    /**
     * One line of the summary: how many groups (or single images) of a finding, and how many images they hold.
     *
     * @param splits  the splits the groups span, joined by {@code +} ({@code train+test}); one split for single-image
     *                findings; empty for unreadable files
     */
    public record SummaryRow(FindingKind kind, String splits, int groups, int images) {}

    /**
     * Cross-split leakage into the test split: exact and near-duplicate groups with at least one member in the test
     * split and one in training or validation, and the images in those groups.
     */
    public record Leaks(int exactGroups, int exactImages, int nearGroups, int nearImages, int labelConflicts) {}

    /** The summary row's count for {@code kind}: groups summed over every split combination. */
    public int groups(FindingKind kind) {
        return summary.stream().filter(r -> r.kind() == kind).mapToInt(SummaryRow::groups).sum();
    }
}
