package io.ferbench.worker.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.worker.data.Datasets;
import io.ferbench.worker.data.PreparedDataset;
import io.ferbench.worker.data.SyntheticFaces;
import io.ferbench.api.cell.DatasetRemedies;
import io.ferbench.api.cell.DatasetSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kaggle-layout folder of distinct synthetic faces with planted problems: an exact copy of a training face in
 * test/ saved as PNG while the original is a JPEG, near copies in test/ (shifted by one pixel, re-encoded at another
 * JPEG quality, 5 % brighter), a face copied into another class (a label conflict) and a blank image. The audit must
 * find each one, count it in the right splits, and group nothing else (the 120 distinct faces of one template, 7,000
 * pairs, must stay apart).
 */
class DatasetAuditTest {
    private static final List<String> CLASSES = List.of("angry", "happy", "sad");
    @TempDir static Path root;
    private static AuditReport report;
    private static PreparedDataset prepared;

    @BeforeAll
    static void plantAndAudit() throws IOException {
        Path data = root.resolve("faces");
        SyntheticFaces.writeKaggleLayout(data, CLASSES, 40, 48, 3);
        List<Path> happy = files(data.resolve("train/happy"));
        // exact: a JPEG in train, the same decoded pixels as a PNG in test
        BufferedImage original = gray(ImageIO.read(happy.get(0).toFile()));
        writeJpeg(original, data.resolve("train/happy/planted-exact.jpg"), 0.9f);
        BufferedImage decoded = ImageIO.read(data.resolve("train/happy/planted-exact.jpg").toFile());
        ImageIO.write(decoded, "png", data.resolve("test/happy/planted-exact-copy.png").toFile());
        // near: shifted by a pixel, re-encoded, brighter
        BufferedImage source = gray(ImageIO.read(happy.get(1).toFile()));
        ImageIO.write(shifted(source), "png", data.resolve("test/happy/planted-near-shift.png").toFile());
        BufferedImage second = gray(ImageIO.read(happy.get(2).toFile()));
        writeJpeg(second, data.resolve("test/happy/planted-near-jpeg.jpg"), 0.6f);
        BufferedImage third = gray(ImageIO.read(happy.get(3).toFile()));
        ImageIO.write(brighter(third, 1.05), "png", data.resolve("test/happy/planted-near-bright.png").toFile());
        // label conflict: a sad face also filed as angry, in test
        Files.copy(files(data.resolve("train/sad")).get(0), data.resolve("test/angry/planted-conflict.png"));
        // blank
        BufferedImage blank = new BufferedImage(48, 48, BufferedImage.TYPE_BYTE_GRAY);
        ImageIO.write(blank, "png", data.resolve("train/sad/planted-blank.png").toFile());

        prepared = Datasets.prepare(new DatasetSpec("faces", "folder", "faces", null, CLASSES, null,
                48, true, null, 0), root, null);
        report = DatasetAudit.run(prepared, AuditOptions.defaults());
    }

    @Test
    void findsTheExactCopyAcrossSplitsEvenInAnotherFileFormat() {
        List<Set<String>> groups = groups(FindingKind.EXACT_DUPLICATE);
        assertTrue(groups.contains(Set.of("planted-exact.jpg", "planted-exact-copy.png")), groups.toString());
        assertTrue(groups.stream().anyMatch(g -> g.contains("planted-conflict.png") && g.size() == 2), groups.toString());
        assertEquals(2, groups.size(), "only the planted copies are exact duplicates: " + groups);
    }

    @Test
    void findsEveryPlantedNearCopyAndGroupsNoDistinctFaces() {
        List<Set<String>> groups = groups(FindingKind.NEAR_DUPLICATE);
        for (String planted : List.of("planted-near-shift.png", "planted-near-jpeg.jpg", "planted-near-bright.png")) {
            assertTrue(groups.stream().anyMatch(g -> g.contains(planted) && g.size() == 2), planted + " in " + groups);
        }
        // the planted exact copy is a JPEG of a training face's PNG, so it and its PNG copy are near that face
        assertTrue(groups.stream().anyMatch(g -> g.containsAll(Set.of("planted-exact.jpg", "planted-exact-copy.png"))
                && g.size() == 3), groups.toString());
        assertEquals(4, groups.size(), "only the planted near copies are grouped: " + groups);
    }

    @Test
    void countsTheLeaksIntoTestAndTheLabelConflict() {
        AuditReport.Leaks leaks = report.leaks();
        assertEquals(2, leaks.exactGroups());
        assertEquals(4, leaks.exactImages());
        assertEquals(4, leaks.nearGroups());
        assertEquals(1, leaks.labelConflicts());
        List<Set<String>> conflicts = groups(FindingKind.LABEL_CONFLICT);
        assertEquals(1, conflicts.size());
        assertTrue(conflicts.get(0).contains("planted-conflict.png"), conflicts.toString());
        assertEquals(1, report.groups(FindingKind.LABEL_CONFLICT));
    }

    @Test
    void findsTheBlankImageAndReportsClassBalancePerSplit() {
        List<Finding> degenerate = report.findings().stream().filter(f -> f.kind() == FindingKind.DEGENERATE).toList();
        assertEquals(1, degenerate.size(), degenerate.toString());
        assertTrue(degenerate.get(0).path().endsWith("planted-blank.png"));
        assertEquals("sad", degenerate.get(0).className());
        Map<String, int[]> balance = report.classBalance();
        assertEquals(Set.of("train", "validation", "test"), balance.keySet());
        int total = balance.values().stream().mapToInt(c -> java.util.Arrays.stream(c).sum()).sum();
        assertEquals(3 * 40 + 2 + 3 + 1 + 1, total, "every face, the planted files included");
    }

    @Test
    void writesOneCsvRowPerImageOfAFindingAndTheJsonReport() throws IOException {
        Path out = Files.createDirectories(root.resolve("audit"));
        AuditFiles.write(report, out);
        List<String> lines = Files.readAllLines(out.resolve(AuditFiles.CSV));
        assertEquals("dataset,kind,group,split,class,path,detail", lines.get(0));
        assertEquals(report.findings().size() + 1, lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("faces,label_conflict,")), lines.toString());
        assertTrue(Files.readString(out.resolve(AuditFiles.JSON)).contains("\"exact_groups\" : 2"));
    }

    @Test
    void dropTestOverlapLeavesNoValidationOrTestImageWithACopyInTraining() {
        Remedies.Outcome out = Remedies.apply(prepared, report,
                new DatasetRemedies(DatasetRemedies.Dedupe.DROP_TEST_OVERLAP, false));
        AuditReport after = DatasetAudit.run(out.dataset(), AuditOptions.defaults());
        for (FindingKind kind : List.of(FindingKind.EXACT_DUPLICATE, FindingKind.NEAR_DUPLICATE)) {
            Map<Integer, Set<String>> splits = after.findings().stream().filter(f -> f.kind() == kind).collect(
                    Collectors.groupingBy(Finding::group, Collectors.mapping(Finding::split, Collectors.toSet())));
            splits.values().forEach(s -> assertTrue(!s.contains("train") || s.size() == 1, kind + " " + splits));
        }
        assertTrue(out.dropped().size() >= 1);
        assertEquals(new AuditReport.Leaks(0, 0, 0, 0, 0), after.leaks(), "nothing reaches into test any more");
        Set<String> planted = Set.of("planted-exact.jpg", "planted-exact-copy.png", "planted-near-shift.png",
                "planted-near-jpeg.jpg", "planted-near-bright.png", "planted-conflict.png");
        for (Remedies.Dropped d : out.dropped()) {
            String name = Path.of(d.path()).getFileName().toString();
            assertTrue(!d.split().equals("train") && (planted.contains(name) || name.matches("(happy|sad)_0000[0-5].png")),
                    "only copies outside training are dropped: " + d);
        }
        assertEquals(prepared.train().size(), out.dataset().train().size(), "training keeps every image");
        assertEquals(prepared.mean(), out.dataset().mean(), "the normalisation stays the training split's");
        int before = prepared.validation().size() + prepared.test().size();
        assertEquals(before - out.dropped().size(), out.dataset().validation().size() + out.dataset().test().size());
    }

    @Test
    void dropAllLeavesNoDuplicatesNoConflictsAndDropDegenerateTheBlank() {
        Remedies.Outcome out = Remedies.apply(prepared, report, new DatasetRemedies(DatasetRemedies.Dedupe.DROP_ALL,
                true));
        AuditReport after = DatasetAudit.run(out.dataset(), AuditOptions.defaults());
        assertEquals(0, after.groups(FindingKind.EXACT_DUPLICATE), after.summary().toString());
        assertEquals(0, after.groups(FindingKind.NEAR_DUPLICATE), after.summary().toString());
        assertEquals(0, after.groups(FindingKind.DEGENERATE));
        assertTrue(out.dropped().stream().anyMatch(d -> d.path().endsWith("planted-blank.png")));
        assertTrue(out.dropped().stream().filter(d -> d.path().endsWith("planted-conflict.png")
                || d.reason().startsWith("conflicting")).count() >= 2, "both members of the conflict go");
        assertEquals(prepared.train().size() + prepared.validation().size() + prepared.test().size()
                - out.dropped().size(), out.dataset().train().size() + out.dataset().validation().size()
                + out.dataset().test().size());
        assertEquals(Remedies.apply(prepared, report, DatasetRemedies.none()).dataset(), prepared,
                "no remedy, the same dataset");
    }

    @Test
    void badThresholdsAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AuditOptions(17, 0.95, 2));
        assertTrue(e.getMessage().contains("0 to 16 bits"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AuditOptions(3, 1.5, 2));
        assertThrows(IllegalArgumentException.class, () -> new AuditOptions(3, 0.95, -1));
    }

    /** The file names of each group of {@code kind}. */
    private static List<Set<String>> groups(FindingKind kind) {
        return report.findings().stream().filter(f -> f.kind() == kind)
                .collect(Collectors.groupingBy(Finding::group, Collectors.mapping(
                        f -> Path.of(f.path()).getFileName().toString(), Collectors.toSet())))
                .values().stream().toList();
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    private static BufferedImage gray(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        out.getGraphics().drawImage(image, 0, 0, null);
        return out;
    }

    private static BufferedImage shifted(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.getRaster().setSample(x, y, 0, image.getRaster().getSample(Math.max(0, x - 1), y, 0));
            }
        }
        return out;
    }

    private static BufferedImage brighter(BufferedImage image, double factor) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v = (int) Math.round(image.getRaster().getSample(x, y, 0) * factor);
                out.getRaster().setSample(x, y, 0, Math.min(255, v));
            }
        }
        return out;
    }

    private static void writeJpeg(BufferedImage image, Path file, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        try (OutputStream os = Files.newOutputStream(file); ImageOutputStream out = ImageIO.createImageOutputStream(os)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
