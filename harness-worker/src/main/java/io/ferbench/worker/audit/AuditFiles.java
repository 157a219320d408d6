package io.ferbench.worker.audit;

import io.ferbench.worker.CsvTable;
import io.ferbench.worker.JsonFiles;
import java.nio.file.Path;
import java.util.List;

/** The audit's files: {@code audit.csv} (one row per image of a finding) and {@code audit.json} (the whole report). */
public final class AuditFiles {
    public static final String CSV = "audit.csv";
    public static final String JSON = "audit.json";
    public static final String DROPPED = "dropped.csv";

    private AuditFiles() {}

    /** Writes both files into {@code folder} (which must exist), atomically each. */
    public static void write(AuditReport report, Path folder) {
        CsvTable csv = new CsvTable("dataset", "kind", "group", "split", "class", "path", "detail");
        for (Finding f : report.findings()) {
            csv.row(List.of(report.dataset(), f.kind().id(), f.group(), f.split(), f.className(), f.path(), f.detail()));
        }
        csv.writeTo(folder.resolve(CSV));
        JsonFiles.write(folder.resolve(JSON), report, true);
    }

    /** {@code dropped.csv}: the images a dataset's remedies took out of the splits, and why. */
    public static void writeDropped(List<Remedies.Dropped> dropped, String dataset, Path folder) {
        CsvTable csv = new CsvTable("dataset", "split", "class", "path", "reason");
        for (Remedies.Dropped d : dropped) csv.row(List.of(dataset, d.split(), d.className(), d.path(), d.reason()));
        csv.writeTo(folder.resolve(DROPPED));
    }
}
