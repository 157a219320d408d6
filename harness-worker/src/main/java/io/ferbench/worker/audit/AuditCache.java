package io.ferbench.worker.audit;

import io.ferbench.api.result.AuditCounts;
import io.ferbench.worker.data.Datasets;
import io.ferbench.worker.data.PreparedDataset;
import io.ferbench.worker.JsonFiles;
import io.ferbench.api.cell.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The audit of a prepared dataset, kept beside the dataset's cache file and keyed by it and by the thresholds, so that
 * every cell of a run (and every later run) after the first reads it instead of auditing again.
 */
public final class AuditCache {
    private AuditCache() {}

    /**
     * The audit of {@code data} (prepared from {@code spec}) with the default thresholds, from the cache when present.
     *
     * @param cacheDir the dataset cache folder; null audits without caching
     */
    public static AuditReport audit(PreparedDataset data, DatasetSpec spec, Path dataRoot, Path cacheDir) {
        AuditOptions options = AuditOptions.defaults();
        if (cacheDir == null) return DatasetAudit.run(data, options);
        Path dataset = Datasets.cacheFile(spec, dataRoot, cacheDir);
        Path file = dataset.resolveSibling(dataset.getFileName() + String.format(Locale.ROOT, ".audit2-t%d-c%s-s%s.json",
                options.nearThreshold(), options.nearCorrelation(), options.degenerateStd()));
        if (Files.isRegularFile(file)) {
            try {
                return JsonFiles.read(file, AuditReport.class);
            } catch (RuntimeException e) {
                System.err.println("warning: audit cache " + file + " is unreadable (" + e.getMessage()
                        + "); auditing again");
            }
        }
        AuditReport report = DatasetAudit.run(data, options);
        try {
            Files.createDirectories(file.getParent());
            JsonFiles.write(file, report, false);
        } catch (Exception e) {
            System.err.println("warning: cannot cache the audit in " + file + ": " + e.getMessage());
        }
        return report;
    }

    /** The counts a result records: what the audit found, and how many images the dataset's remedies dropped. */
    public static AuditCounts counts(AuditReport report, int dropped) {
        AuditReport.Leaks leaks = report.leaks();
        return new AuditCounts(leaks.exactGroups(), leaks.exactImages(), leaks.nearGroups(), leaks.nearImages(),
                report.groups(FindingKind.LABEL_CONFLICT), report.groups(FindingKind.DEGENERATE), dropped);
    }
}
