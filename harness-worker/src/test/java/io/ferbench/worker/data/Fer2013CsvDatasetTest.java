package io.ferbench.worker.data;

import static io.ferbench.worker.data.TestData.assertLabelsMatchPixels;
import static io.ferbench.worker.data.TestData.counts;
import static io.ferbench.worker.data.TestData.ferPixels;
import static io.ferbench.worker.data.TestData.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Fer2013CsvDatasetTest {
    @TempDir
    Path dir;

    /** Rows of one emotion code; the pixel value identifies the class (see TestData.base). */
    private static String rows(int code, String usage, int n) {
        String className = Fer2013CsvSource.CLASSES_BY_CODE.get(code);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(code).append(",\"").append(ferPixels(TestData.base(className) + i % 5)).append("\",").append(usage).append("\r\n");
        }
        return sb.toString();
    }

    private PreparedDataset prepare(String csv, List<String> classes, int size) {
        TestData.text(dir.resolve("fer2013.csv"), csv);
        return Datasets.prepare(spec("fer2013-csv", "fer2013.csv", classes, null, size), dir, null);
    }

    @Test
    void usageColumnGivesTheSplitsAndCodesMapToFerClassNames() {
        StringBuilder csv = new StringBuilder("emotion,pixels,Usage\r\n");
        for (int code = 0; code < 7; code++) {
            csv.append(rows(code, "Training", 6)).append(rows(code, "PublicTest", 2)).append(rows(code, "PrivateTest", 3));
        }
        PreparedDataset d = prepare(csv.toString(), List.of(), 48);

        assertEquals(SyntheticFaces.FER2013_CLASSES, d.classNames()); // sorted names, not code order
        assertArrayEquals(new int[] {6, 6, 6, 6, 6, 6, 6}, counts(d.train(), 7));
        assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2, 2}, counts(d.validation(), 7));
        assertArrayEquals(new int[] {3, 3, 3, 3, 3, 3, 3}, counts(d.test(), 7));
        for (ImageSet set : List.of(d.train(), d.validation(), d.test())) {
            assertLabelsMatchPixels(set, d.classNames());
            assertEquals(48, set.width());
        }
    }

    @Test
    void subsetResizeAndCarvedSplitsWithoutUsageColumn() {
        String csv = "emotion,pixels\n" + rows(3, "", 10).replace(",\r\n", "\r\n") + rows(4, "", 10).replace(",\r\n", "\r\n")
                + rows(6, "", 10).replace(",\r\n", "\r\n");
        PreparedDataset d = prepare(csv, List.of("neutral", "happy"), 24);

        assertEquals(List.of("neutral", "happy"), d.classNames());
        assertArrayEquals(new int[] {6, 6}, counts(d.train(), 2));
        assertArrayEquals(new int[] {2, 2}, counts(d.validation(), 2));
        assertArrayEquals(new int[] {2, 2}, counts(d.test(), 2));
        assertEquals(24 * 24, d.train().imageLength());
        assertLabelsMatchPixels(d.train(), d.classNames());
    }

    @Test
    void wrongPixelCountNamesTheLine() {
        String csv = "emotion,pixels,Usage\n" + rows(0, "Training", 2).replace("\r\n", "\n")
                + "3,\"1 2 3\",Training\n";
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(csv, List.of(), 48));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("expected 2304 pixel values"), e.getMessage());
    }

    @Test
    void pixelValueOutOfRangeNamesTheLine() {
        String csv = "emotion,pixels,Usage\n3,\"" + ferPixels(7).replaceFirst("7", "256") + "\",Training\n";
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(csv, List.of(), 48));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("pixel 1 is '256'"), e.getMessage());
    }

    @Test
    void aPixelThatIsNotANumberIsQuotedAsItIsWithItsPosition() {
        String csv = "emotion,pixels,Usage\n3,\"" + ferPixels(7).replaceFirst("7 7", "7 abc") + "\",Training\n";
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(csv, List.of(), 48));
        assertTrue(e.getMessage().contains("line 2: pixel 2 is 'abc', not an integer 0..255"), e.getMessage());
    }

    @Test
    void unknownEmotionCodeNamesFileAndLine() {
        String csv = "emotion,pixels,Usage\n" + rows(1, "Training", 1).replace("\r\n", "\n") + "9,\"" + ferPixels(1) + "\",Training\n";
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(csv, List.of(), 48));
        assertTrue(e.getMessage().contains("fer2013.csv line 3") && e.getMessage().contains("emotion '9' names no known class"),
                e.getMessage());
    }

    @Test
    void unknownUsageNamesTheLine() {
        String csv = "emotion,pixels,Usage\n2,\"" + ferPixels(1) + "\",Holdout\n";
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(csv, List.of(), 48));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("Training, PublicTest or PrivateTest"), e.getMessage());
    }

    @Test
    void malformedRowNamesTheLine() {
        String csv = "emotion,pixels,Usage\n" + rows(1, "Training", 2).replace("\r\n", "\n") + "5\n";
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(csv, List.of(), 48));
        assertTrue(e.getMessage().contains("line 4") && e.getMessage().contains("malformed row"), e.getMessage());
    }

    @Test
    void missingColumnIsNamed() {
        DatasetException e = assertThrows(DatasetException.class, () -> prepare("pixels,Usage\n\"1\",Training\n", List.of(), 48));
        assertTrue(e.getMessage().contains("no column emotion"), e.getMessage());
    }

    @Test
    void missingFileSaysWhatIsExpected() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> Datasets.prepare(spec("fer2013-csv", "absent.csv", List.of(), null, 48), dir, null));
        assertTrue(e.getMessage().contains("absent.csv") && e.getMessage().contains("emotion,pixels,Usage"), e.getMessage());
    }

    @Test
    void requestedClassWithoutRowsIsAnError() {
        String csv = "emotion,pixels,Usage\n" + rows(3, "Training", 3);
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(csv, List.of("happy", "fear"), 48));
        assertTrue(e.getMessage().contains("class 'fear' is not in") && e.getMessage().contains("fer2013.csv")
                && e.getMessage().contains("its classes are happy"), e.getMessage());
    }
}
