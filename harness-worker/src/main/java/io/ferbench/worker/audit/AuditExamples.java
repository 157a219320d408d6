package io.ferbench.worker.audit;

import io.ferbench.worker.data.DatasetPreview;
import io.ferbench.worker.data.ImageSet;
import io.ferbench.worker.data.PreparedDataset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A few of the audit's groups with thumbnails, for the report's Datasets view ({@code examples.json} beside the audit
 * files): groups that leak into the test split first, exact before near, then label conflicts.
 */
public final class AuditExamples {
    public static final String FILE = "examples.json";
    public static final int MAX_GROUPS = 6;
    public static final int MAX_MEMBERS = 6;

    private AuditExamples() {}

    /** One image of a group: where it is, and a base64 PNG thumbnail. */
    public record Member(String split, String className, String path, String png) {}

    /** One group: its kind ({@code exact_duplicate}, ...), number, whether it reaches into test, and its images. */
    public record Group(String kind, int group, boolean leaksIntoTest, List<Member> members) {}

    public static List<Group> of(PreparedDataset data, AuditReport report) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            if (f.group() > 0 && f.index() >= 0) {
                groups.computeIfAbsent(f.kind().id() + "/" + f.group(), k -> new ArrayList<>()).add(f);
            }
        }
        List<List<Finding>> ordered = new ArrayList<>(groups.values());
        ordered.sort(Comparator.comparingInt(AuditExamples::rank));
        List<Group> out = new ArrayList<>();
        for (List<Finding> members : ordered.subList(0, Math.min(MAX_GROUPS, ordered.size()))) {
            List<Member> images = new ArrayList<>();
            for (Finding f : members.subList(0, Math.min(MAX_MEMBERS, members.size()))) {
                images.add(new Member(f.split(), f.className(), f.path(),
                        DatasetPreview.thumbnail(split(data, f.split()), f.index())));
            }
            out.add(new Group(members.get(0).kind().id(), members.get(0).group(), leaks(members), images));
        }
        return out;
    }

    /** Leaking exact groups first, then leaking near groups, then conflicts, then the rest. */
    private static int rank(List<Finding> members) {
        FindingKind kind = members.get(0).kind();
        boolean leaks = leaks(members);
        if (leaks && kind == FindingKind.EXACT_DUPLICATE) return 0;
        if (leaks && kind == FindingKind.NEAR_DUPLICATE) return 1;
        if (kind == FindingKind.LABEL_CONFLICT) return 2;
        return 3 + kind.ordinal();
    }

    private static boolean leaks(List<Finding> members) {
        return members.stream().anyMatch(f -> f.split().equals("test"))
                && members.stream().anyMatch(f -> !f.split().equals("test"));
    }

    private static ImageSet split(PreparedDataset data, String name) {
        return switch (name) {
            case "train" -> data.train();
            case "validation" -> data.validation();
            default -> data.test();
        };
    }
}
