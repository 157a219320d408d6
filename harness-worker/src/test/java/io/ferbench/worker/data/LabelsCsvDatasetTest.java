package io.ferbench.worker.data;

import static io.ferbench.worker.data.TestData.assertLabelsMatchPixels;
import static io.ferbench.worker.data.TestData.counts;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.cell.DatasetSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AffectNet-HQ's layout: one folder per class and labels.csv with columns pth, label, relFCs. */
class LabelsCsvDatasetTest {
    private static final List<String> CLASSES = List.of("anger", "happy", "sad");

    @TempDir
    Path dir;

    @BeforeEach
    void affectNetLayout() {
        for (String name : CLASSES) {
            for (int i = 0; i < 10; i++) {
                TestData.grayPng(dir.resolve("affectnet").resolve(name).resolve("img" + i + ".jpg.png"), 6, 6,
                        TestData.base(name) + i % 5);
            }
        }
    }

    /** A labels.csv listing every image with confidence 0.9, except image 0..1 of each class with 0.3. */
    private void labels(String header, String... extraRows) {
        StringBuilder csv = new StringBuilder(header).append('\n');
        int row = 0;
        for (String name : CLASSES) {
            for (int i = 0; i < 10; i++) {
                csv.append(row++).append(',').append(name).append("/img").append(i).append(".jpg.png,").append(name)
                        .append(',').append(i < 2 ? "0.3" : "0.9").append('\n');
            }
        }
        for (String extra : extraRows) {
            csv.append(extra).append('\n');
        }
        TestData.text(dir.resolve("affectnet/labels.csv"), csv.toString());
    }

    private PreparedDataset prepare(Double minConfidence) {
        return prepare(new DatasetSpec("affectnet", "labels-csv", "affectnet/labels.csv", null, List.of(), null, 6,
                true, minConfidence, 42L));
    }

    private PreparedDataset prepare(DatasetSpec spec) {
        return Datasets.prepare(spec, dir, null);
    }

    @Test
    void loadsLabelsRelativeToTheCsvFolderWithCarvedSplits() {
        labels(",pth,label,relFCs");
        PreparedDataset d = prepare((Double) null);

        assertEquals(CLASSES, d.classNames());
        assertArrayEquals(new int[] {6, 6, 6}, counts(d.train(), 3));
        assertArrayEquals(new int[] {2, 2, 2}, counts(d.validation(), 3));
        assertArrayEquals(new int[] {2, 2, 2}, counts(d.test(), 3));
        assertLabelsMatchPixels(d.train(), d.classNames());
    }

    @Test
    void minConfidenceDropsRowsBelowIt() {
        labels(",pth,label,relFCs");
        PreparedDataset d = prepare(0.5);
        assertEquals(24, d.train().size() + d.validation().size() + d.test().size());
    }

    @Test
    void acceptsPathLabelConfidenceColumnsAndAnExplicitRoot() {
        StringBuilder csv = new StringBuilder("path,label,confidence\n");
        for (int i = 0; i < 5; i++) {
            csv.append("happy/img").append(i).append(".jpg.png,happy,1\n");
            csv.append("sad/img").append(i).append(".jpg.png,sad,1\n");
        }
        TestData.text(dir.resolve("lists/two.csv"), csv.toString());
        PreparedDataset d = prepare(new DatasetSpec("two", "labels-csv", "lists/two.csv", "affectnet", List.of(), null,
                6, true, 0.5, 42L));
        assertEquals(List.of("happy", "sad"), d.classNames());
        assertEquals(10, d.train().size() + d.validation().size() + d.test().size());
    }

    @Test
    void theLabelColumnDecidesTheClassNotTheFolder() {
        labels(",pth,label,relFCs", "99,anger/img0.jpg.png,happy,0.9");
        PreparedDataset d = prepare((Double) null);
        int[] all = new int[3];
        for (ImageSet set : List.of(d.train(), d.validation(), d.test())) {
            int[] c = counts(set, 3);
            for (int i = 0; i < 3; i++) {
                all[i] += c[i];
            }
        }
        assertArrayEquals(new int[] {10, 11, 10}, all);
    }

    @Test
    void labelNamingNoClassFolderIsAnErrorWithLine() {
        labels(",pth,label,relFCs", "30,happy/img1.jpg.png,hapy,0.9");
        DatasetException e = assertThrows(DatasetException.class, () -> prepare((Double) null));
        assertTrue(e.getMessage().contains("labels.csv line 32") && e.getMessage().contains("'hapy' names no known class")
                && e.getMessage().contains("anger, happy, sad"), e.getMessage());
    }

    @Test
    void pathEscapingTheRootIsAnErrorWithLine() {
        labels(",pth,label,relFCs", "30,../outside.png,happy,0.9");
        DatasetException e = assertThrows(DatasetException.class, () -> prepare((Double) null));
        assertTrue(e.getMessage().contains("line 32") && e.getMessage().contains("leaves the image root"), e.getMessage());
    }

    @Test
    void windowsSeparatorsAreAcceptedButCannotEscapeEither() {
        labels(",pth,label,relFCs", "30,happy\\img1.jpg.png,happy,0.9");
        PreparedDataset d = prepare((Double) null);
        assertEquals(31, d.train().size() + d.validation().size() + d.test().size());
        assertTrue(d.skipped().isEmpty(), d.skipped().toString());
        labels(",pth,label,relFCs", "30,..\\..\\secret.png,happy,0.9");
        DatasetException e = assertThrows(DatasetException.class, () -> prepare((Double) null));
        assertTrue(e.getMessage().contains("line 32") && e.getMessage().contains("leaves the image root"), e.getMessage());
    }

    @Test
    void absolutePathIsAnErrorWithLine() {
        labels(",pth,label,relFCs", "30," + dir.resolve("affectnet/happy/img1.jpg.png").toAbsolutePath() + ",happy,0.9");
        DatasetException e = assertThrows(DatasetException.class, () -> prepare((Double) null));
        assertTrue(e.getMessage().contains("line 32") && e.getMessage().contains("is absolute"), e.getMessage());
    }

    @Test
    void missingImageIsSkippedAndReported() {
        labels(",pth,label,relFCs", "30,happy/gone.png,happy,0.9");
        PreparedDataset d = prepare((Double) null);
        assertEquals(1, d.skipped().size());
        assertTrue(d.skipped().get(0).contains("labels.csv:32") && d.skipped().get(0).contains("file not found"),
                d.skipped().toString());
    }

    @Test
    void malformedRowIsAnErrorWithLine() {
        labels(",pth,label,relFCs", "30,happy/img1.jpg.png");
        DatasetException e = assertThrows(DatasetException.class, () -> prepare((Double) null));
        assertTrue(e.getMessage().contains("line 32") && e.getMessage().contains("malformed row"), e.getMessage());
    }

    @Test
    void unparsableConfidenceIsAnErrorWithLine() {
        labels(",pth,label,relFCs", "30,happy/img1.jpg.png,happy,high");
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(0.5));
        assertTrue(e.getMessage().contains("line 32") && e.getMessage().contains("'high' is not a number"), e.getMessage());
    }

    @Test
    void minConfidenceWithoutConfidenceColumnIsAnError() {
        TestData.text(dir.resolve("affectnet/labels.csv"), "pth,label\nhappy/img1.jpg.png,happy\n");
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(0.5));
        assertTrue(e.getMessage().contains("no confidence (or relFCs) column"), e.getMessage());
    }

    @Test
    void freeFormLabelsWhenTheRootHasNoClassFolders() {
        StringBuilder csv = new StringBuilder("path,label\n");
        for (int i = 0; i < 5; i++) {
            TestData.grayPng(dir.resolve("flat/a" + i + ".png"), 4, 4, TestData.base("fear"));
            TestData.grayPng(dir.resolve("flat/b" + i + ".png"), 4, 4, TestData.base("surprise"));
            csv.append("a").append(i).append(".png,fear\nb").append(i).append(".png,surprise\n");
        }
        TestData.text(dir.resolve("flat/labels.csv"), csv.toString());
        PreparedDataset d = prepare(new DatasetSpec("flat", "labels-csv", "flat/labels.csv", null, List.of(), null, 4,
                true, null, 1L));
        assertEquals(List.of("fear", "surprise"), d.classNames());
        assertLabelsMatchPixels(d.train(), d.classNames());
    }

    @Test
    void aNanConfidenceIsNotANumberForTheThreshold() {
        labels(",pth,label,relFCs", "30,happy/img1.jpg.png,happy,NaN");
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(0.5));
        assertTrue(e.getMessage().contains("line 32") && e.getMessage().contains("'NaN' is not a number"),
                e.getMessage());
    }

    @Test
    void aRowNamingALinkOutOfTheImageRootIsRefusedWithItsLine() throws java.io.IOException {
        Path outside = TestData.grayPng(dir.resolve("elsewhere/x.png"), 6, 6, TestData.base("happy"));
        java.nio.file.Files.createSymbolicLink(dir.resolve("affectnet/happy/link.png"), outside);
        labels(",pth,label,relFCs", "30,happy/link.png,happy,0.9");
        DatasetException e = assertThrows(DatasetException.class, () -> prepare((Double) null));
        assertTrue(e.getMessage().contains("line 32") && e.getMessage().contains("outside the dataset's folder"),
                e.getMessage());
    }
}
