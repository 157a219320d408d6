package io.ferbench.reports.html;

import io.ferbench.api.result.AuditCounts;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.DatasetSummary;
import io.ferbench.worker.audit.AuditExamples;
import io.ferbench.worker.data.DatasetPreview;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Section 6, the datasets as the cells saw them (the study's Figures 1–3): images per class and split,
 * pixel mean and standard deviation per class, and sample images per class. One entry per dataset,
 * image size and class list; it comes from the {@code dataset.json} a worker wrote, or, for results
 * without one, from the result's own summary (class names, split sizes, training mean and std only). The dataset
 * audit's counts come with the result, its example groups (with thumbnails) from the run's {@code audit/} folder.
 */
final class DatasetViews {
    /** @param mean, std pixel statistics of the class over all splits, 0..1 scale; null when not recorded */
    record ClassRow(String name, Integer train, Integer validation, Integer test, Double mean, Double std,
                    List<String> samples) {}

    /**
     * @param key       what cells refer to: name, image size and class list
     * @param label     name and image size, for people
     * @param perClass  whether per-class counts and statistics were recorded (from a worker's preview)
     * @param mean, std pixel statistics over all images (preview) or the training split (result summary)
     */
    record View(String key, String label, String name, int imageSize, int channels, int images, Double mean, Double std,
                boolean perClass, List<ClassRow> classes, List<String> cells, AuditCounts audit,
                List<AuditExamples.Group> auditExamples) {}

    private DatasetViews() {}

    /** The datasets of {@code cells}, in order of first use; keys by cell key in {@code keys}. */
    static List<View> of(List<ReportCell> cells, Map<String, String> keys) {
        Map<String, View> views = new LinkedHashMap<>();
        for (ReportCell c : cells) {
            CellResult r = c.result();
            if (r.dataset() == null) continue; // the cell never loaded its dataset
            String key = label(r) + " · " + String.join(",", r.dataset().classNames());
            keys.put(c.key(), key);
            View known = views.get(key);
            if (known != null && known.perClass()) {
                known.cells().add(c.key());
                continue;
            }
            Optional<DatasetPreview> preview = c.folder().datasetPreview(c.id())
                    .filter(p -> p.classes().stream().map(DatasetPreview.ClassPreview::name).toList()
                            .equals(r.dataset().classNames()));
            List<String> users = known == null ? new ArrayList<>() : known.cells();
            users.add(c.key());
            List<AuditExamples.Group> examples = c.folder().auditExamples(r.dataset().name(), r.cell().dataset().imageSize());
            views.put(key, preview.map(p -> fromPreview(key, r, p, users, examples))
                    .orElseGet(() -> fromSummary(key, r, users, examples)));
        }
        return List.copyOf(views.values());
    }

    private static String label(CellResult r) {
        return r.dataset().name() + " · " + r.cell().dataset().imageSize() + " px";
    }

    private static View fromPreview(String key, CellResult r, DatasetPreview p, List<String> users,
                                    List<AuditExamples.Group> examples) {
        List<ClassRow> rows = p.classes().stream().map(k -> new ClassRow(k.name(), k.train(), k.validation(), k.test(),
                k.mean(), k.std(), k.samples())).toList();
        return new View(key, label(r), r.dataset().name(), r.cell().dataset().imageSize(), p.channels(), p.images(), p.mean(), p.std(),
                true, rows, users, r.dataset().audit(), examples);
    }

    private static View fromSummary(String key, CellResult r, List<String> users, List<AuditExamples.Group> examples) {
        DatasetSummary d = r.dataset();
        List<ClassRow> rows = d.classNames().stream()
                .map(name -> new ClassRow(name, null, null, null, null, null, List.of())).toList();
        return new View(key, label(r), d.name(), r.cell().dataset().imageSize(), r.cell().dataset().channels(),
                d.trainSize() + d.validationSize() + d.testSize(), d.mean(), d.std(), false, rows, users, d.audit(),
                examples);
    }
}
