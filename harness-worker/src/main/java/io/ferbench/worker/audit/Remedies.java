package io.ferbench.worker.audit;

import io.ferbench.worker.data.ImageOrigin;
import io.ferbench.worker.data.ImageSet;
import io.ferbench.worker.data.PreparedDataset;
import io.ferbench.api.cell.DatasetRemedies;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a dataset's {@link DatasetRemedies} to the prepared dataset, by the audit's findings: the dropped images
 * leave the split lists (never the data folder), every other image keeps its place and order, and the training
 * split's mean and standard deviation are recomputed when training images were dropped.
 */
public final class Remedies {
    private static final List<String> SPLITS = List.of("train", "validation", "test");

    private Remedies() {}

    /** One dropped image: where it was and why. */
    public record Dropped(String split, int index, String className, String path, String reason) {}

    /** The dataset after the remedies, and what they dropped. */
    public record Outcome(PreparedDataset dataset, List<Dropped> dropped) {}

    public static Outcome apply(PreparedDataset data, AuditReport audit, DatasetRemedies remedies) {
        if (!remedies.any()) return new Outcome(data, List.of());
        Map<String, Dropped> drop = new LinkedHashMap<>();  // "split/index" -> why
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : audit.findings()) {
            if (f.kind() == FindingKind.EXACT_DUPLICATE || f.kind() == FindingKind.NEAR_DUPLICATE) {
                groups.computeIfAbsent(f.kind().id() + "/" + f.group(), k -> new ArrayList<>()).add(f);
            }
        }
        if (remedies.dedupe() != DatasetRemedies.Dedupe.NONE) {
            for (Map.Entry<String, List<Finding>> group : groups.entrySet()) {
                List<Finding> members = group.getValue();
                boolean inTraining = members.stream().anyMatch(f -> f.split().equals("train"));
                boolean inValidation = members.stream().anyMatch(f -> f.split().equals("validation"));
                for (Finding f : members) {
                    if (inTraining && !f.split().equals("train")) {
                        mark(drop, f, "copy of a training image (" + group.getKey() + ")");
                    } else if (inValidation && f.split().equals("test")) {
                        mark(drop, f, "copy of a validation image (" + group.getKey() + ")");
                    }
                }
            }
        }
        if (remedies.dedupe() == DatasetRemedies.Dedupe.DROP_ALL) {
            for (Finding f : audit.findings()) {
                if (f.kind() == FindingKind.LABEL_CONFLICT || f.kind() == FindingKind.NEAR_LABEL_CONFLICT) {
                    mark(drop, f, "conflicting labels (" + f.kind().id() + "/" + f.group() + ")");
                }
            }
            for (Map.Entry<String, List<Finding>> group : groups.entrySet()) {
                // keep one image of the group: in training when it has one, else in validation
                List<Finding> members = new ArrayList<>(group.getValue());
                members.removeIf(f -> drop.containsKey(key(f)));
                members.sort(Comparator.comparingInt(f -> SPLITS.indexOf(f.split())));
                for (Finding f : members.subList(Math.min(1, members.size()), members.size())) {
                    mark(drop, f, "another copy of a kept image (" + group.getKey() + ")");
                }
            }
        }
        if (remedies.dropDegenerate()) {
            for (Finding f : audit.findings()) {
                if (f.kind() == FindingKind.DEGENERATE) mark(drop, f, "degenerate: " + f.detail());
            }
        }
        if (drop.isEmpty()) return new Outcome(data, List.of());
        return new Outcome(data.withSplits(without(data.train(), "train", drop),
                without(data.validation(), "validation", drop), without(data.test(), "test", drop)),
                List.copyOf(drop.values()));
    }

    private static void mark(Map<String, Dropped> drop, Finding f, String reason) {
        drop.putIfAbsent(key(f), new Dropped(f.split(), f.index(), f.className(), f.path(), reason));
    }

    private static String key(Finding f) {
        return f.split() + "/" + f.index();
    }

    private static ImageSet without(ImageSet set, String split, Map<String, Dropped> drop) {
        boolean[] gone = new boolean[set.size()];
        int kept = set.size();
        for (Dropped d : drop.values()) {
            if (d.split().equals(split) && d.index() >= 0 && d.index() < set.size() && !gone[d.index()]) {
                gone[d.index()] = true;
                kept--;
            }
        }
        if (kept == set.size()) return set;
        int length = set.imageLength();
        byte[] pixels = new byte[kept * length];
        int[] labels = new int[kept];
        List<ImageOrigin> origins = new ArrayList<>(kept);
        int k = 0;
        for (int i = 0; i < set.size(); i++) {
            if (gone[i]) continue;
            System.arraycopy(set.pixels(), i * length, pixels, k * length, length);
            labels[k] = set.labels()[i];
            if (!set.origins().isEmpty()) origins.add(set.origins().get(i));
            k++;
        }
        return new ImageSet(pixels, labels, set.channels(), set.height(), set.width(), origins);
    }
}
