package io.ferbench.worker.data;

import static io.ferbench.worker.data.TestData.assertLabelsMatchPixels;
import static io.ferbench.worker.data.TestData.classFolders;
import static io.ferbench.worker.data.TestData.counts;
import static io.ferbench.worker.data.TestData.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.cell.DatasetAllowances;
import io.ferbench.api.cell.DatasetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderDatasetTest {
    private static final List<String> THREE = List.of("angry", "happy", "sad");

    @TempDir
    Path dir;

    private PreparedDataset prepare(DatasetSpec spec) {
        return Datasets.prepare(spec, dir, null);
    }

    @Test
    void flatLayoutIsSplitStratified80_20Then80_20() {
        classFolders(dir.resolve("faces"), THREE, 25, 8);
        PreparedDataset d = prepare(spec("folder", "faces", List.of(), null, 8));

        assertEquals(THREE, d.classNames());
        // 25 per class: 5 to test (20 %), then 4 of the remaining 20 to validation (20 %), 16 to train.
        assertArrayEquals(new int[] {16, 16, 16}, counts(d.train(), 3));
        assertArrayEquals(new int[] {4, 4, 4}, counts(d.validation(), 3));
        assertArrayEquals(new int[] {5, 5, 5}, counts(d.test(), 3));
        for (ImageSet set : List.of(d.train(), d.validation(), d.test())) {
            assertLabelsMatchPixels(set, d.classNames());
            assertEquals(1, set.channels());
            assertEquals(8, set.height());
        }
        assertTrue(d.skipped().isEmpty());
    }

    @Test
    void splitsAreDeterministicPerSeedAndDifferAcrossSeeds() {
        // Every image has its own value, so that split membership is visible in the pixels.
        for (int c = 0; c < THREE.size(); c++) {
            for (int i = 0; i < 30; i++) {
                TestData.grayPng(dir.resolve("faces").resolve(THREE.get(c)).resolve(i + ".png"), 4, 4, c * 80 + i);
            }
        }
        DatasetSpec spec = spec("folder", "faces", List.of(), null, 4);
        PreparedDataset a = prepare(spec);
        PreparedDataset b = prepare(spec);
        assertArrayEquals(a.test().pixels(), b.test().pixels());
        assertArrayEquals(a.validation().pixels(), b.validation().pixels());
        assertArrayEquals(a.train().labels(), b.train().labels());

        DatasetSpec otherSeed = new DatasetSpec(spec.name(), spec.kind(), spec.path(), null, List.of(), null, 4,
                true, null, 7L);
        PreparedDataset c = prepare(otherSeed);
        assertArrayEquals(counts(a.test(), 3), counts(c.test(), 3));
        assertFalse(Arrays.equals(sortedValues(a.test()), sortedValues(c.test())),
                "a different seed should hold out different images");
    }

    private static int[] sortedValues(ImageSet set) {
        int[] values = new int[set.size()];
        for (int i = 0; i < set.size(); i++) {
            values[i] = (set.pixels()[i * set.imageLength()] & 0xFF) * 1000 + set.labels()[i];
        }
        Arrays.sort(values);
        return values;
    }

    @Test
    void trainAndTestFoldersAreKeptAndValidationIsCarvedFromTrain() {
        classFolders(dir.resolve("fer/train"), THREE, 20, 6);
        classFolders(dir.resolve("fer/test"), THREE, 7, 6);
        PreparedDataset d = prepare(spec("folder", "fer", List.of(), null, 6));

        assertArrayEquals(new int[] {16, 16, 16}, counts(d.train(), 3));
        assertArrayEquals(new int[] {4, 4, 4}, counts(d.validation(), 3));
        assertArrayEquals(new int[] {7, 7, 7}, counts(d.test(), 3));
    }

    @Test
    void ownTrainValidationTestFoldersAreUsedAsTheyAre() {
        classFolders(dir.resolve("tiny/train"), THREE, 9, 6);
        classFolders(dir.resolve("tiny/validation"), THREE, 3, 6);
        classFolders(dir.resolve("tiny/test"), THREE, 2, 6);
        PreparedDataset d = prepare(spec("folder", "tiny", List.of(), null, 6));

        assertArrayEquals(new int[] {9, 9, 9}, counts(d.train(), 3));
        assertArrayEquals(new int[] {3, 3, 3}, counts(d.validation(), 3));
        assertArrayEquals(new int[] {2, 2, 2}, counts(d.test(), 3));
    }

    @Test
    void valFolderIsValidationAndMissingTestIsCarvedFromTrain() {
        classFolders(dir.resolve("tiny/train"), THREE, 10, 6);
        classFolders(dir.resolve("tiny/val"), THREE, 3, 6);
        PreparedDataset d = prepare(spec("folder", "tiny", List.of(), null, 6));

        assertArrayEquals(new int[] {8, 8, 8}, counts(d.train(), 3));
        assertArrayEquals(new int[] {3, 3, 3}, counts(d.validation(), 3));
        assertArrayEquals(new int[] {2, 2, 2}, counts(d.test(), 3));
    }

    @Test
    void classesAreMappedByNameAcrossSplitsNotByPosition() {
        // test/ lacks "angry" and spells "Sad" differently: by position, test/happy would become class 0.
        classFolders(dir.resolve("fer/train"), THREE, 10, 4);
        classFolders(dir.resolve("fer/test"), List.of("happy"), 3, 4);
        classFolders(dir.resolve("fer/test"), List.of("Sad"), 4, 4);
        PreparedDataset d = prepare(spec("folder", "fer", List.of(), null, 4)
                .withAllowances(new DatasetAllowances(false, true)));  // test/ without angry: allowed here

        assertEquals(THREE, d.classNames());
        assertArrayEquals(new int[] {0, 3, 4}, counts(d.test(), 3));
        assertLabelsMatchPixels(d.test(), d.classNames());
        assertLabelsMatchPixels(d.train(), d.classNames());
    }

    @Test
    void classSubsetIsCaseInsensitiveAndKeepsItsOrder() {
        classFolders(dir.resolve("faces"), List.of("angry", "fear", "happy", "sad"), 10, 4);
        PreparedDataset d = prepare(spec("folder", "faces", List.of("SAD", "angry"), null, 4));

        assertEquals(List.of("SAD", "angry"), d.classNames());
        assertEquals(20, d.train().size() + d.validation().size() + d.test().size());
        for (ImageSet set : List.of(d.train(), d.validation(), d.test())) {
            assertLabelsMatchPixels(set, d.classNames());
        }
    }

    @Test
    void unknownClassInSubsetNamesTheAvailableOnes() {
        classFolders(dir.resolve("faces"), THREE, 2, 4);
        DatasetException e = assertThrows(DatasetException.class,
                () -> prepare(spec("folder", "faces", List.of("happy", "contempt"), null, 4)));
        assertTrue(e.getMessage().contains("'contempt'") && e.getMessage().contains("angry, happy, sad"), e.getMessage());
    }

    @Test
    void imagesPerClassCapKeepsTheOwnSplitProportions() {
        classFolders(dir.resolve("fer/train"), THREE, 40, 4);
        classFolders(dir.resolve("fer/test"), THREE, 10, 4);
        PreparedDataset d = prepare(spec("folder", "fer", List.of(), 10, 4));

        // 10 of 50 per class, in the dataset's 40:10 proportion: 8 from train/ (then 2 to validation), 2 from test/.
        assertArrayEquals(new int[] {6, 6, 6}, counts(d.train(), 3));
        assertArrayEquals(new int[] {2, 2, 2}, counts(d.validation(), 3));
        assertArrayEquals(new int[] {2, 2, 2}, counts(d.test(), 3));
    }

    @Test
    void meanAndStdComeFromTheTrainingSplitOnly() {
        classFolders(dir.resolve("fer/train"), List.of("angry"), 10, 4);
        classFolders(dir.resolve("fer/test"), List.of("angry"), 5, 4);
        // Bright test images would shift the mean if they were counted.
        for (int i = 0; i < 5; i++) {
            TestData.grayPng(dir.resolve("fer/test/angry").resolve(String.format("%03d.png", i)), 4, 4, 250);
        }
        PreparedDataset d = prepare(spec("folder", "fer", List.of(), null, 4));

        PixelMoments train = new PixelMoments();
        train.add(d.train().pixels(), 0, d.train().pixels().length);
        assertEquals(train.mean(), d.mean(), 1e-6);
        assertEquals(train.std(), d.std(), 1e-6);
        assertTrue(d.mean() < 0.1, "train images are dark (values 20..24), mean " + d.mean());
    }

    @Test
    void colourImagesAreConvertedByLuminanceOrKeptAsRgbAndResized() {
        Path faces = dir.resolve("faces");
        TestData.rgbImage(faces.resolve("happy/a.png"), 20, 10, 0xFF0000, "png");
        TestData.rgbImage(faces.resolve("happy/b.jpg"), 12, 12, 0x00FF00, "jpg");
        TestData.rgbImage(faces.resolve("happy/c.bmp"), 3, 5, 0x0000FF, "bmp");
        TestData.rgbImage(faces.resolve("happy/d.gif"), 8, 8, 0xFFFFFF, "gif");
        DatasetSpec gray = spec("folder", "faces", List.of(), null, 6);
        PreparedDataset d = prepare(gray);
        ImageSet all = concat(d);
        assertEquals(4, all.size());
        int[] firstPixels = firstPixels(all, 0);
        Arrays.sort(firstPixels);
        // luminance: blue 0.114*255=29, red 0.299*255=76, green 0.587*255=150 (JPEG: within a few levels), white 255
        assertEquals(29, firstPixels[0], 1);
        assertEquals(76, firstPixels[1], 1);
        assertEquals(150, firstPixels[2], 4);
        assertEquals(255, firstPixels[3]);

        DatasetSpec rgb = new DatasetSpec("rgb", "folder", "faces", null, List.of(), null, 6, false, null, 42L);
        ImageSet colour = concat(prepare(rgb));
        assertEquals(3, colour.channels());
        assertEquals(6 * 6 * 3, colour.imageLength());
        boolean foundRed = false;
        for (int i = 0; i < colour.size(); i++) {
            int plane = 36, base = i * colour.imageLength();
            int r = colour.pixels()[base] & 0xFF, g = colour.pixels()[base + plane] & 0xFF, b = colour.pixels()[base + 2 * plane] & 0xFF;
            foundRed |= r == 255 && g == 0 && b == 0;
        }
        assertTrue(foundRed, "the red PNG keeps its colour in RGB mode");
    }

    private static ImageSet concat(PreparedDataset d) {
        List<ImageSet> sets = List.of(d.train(), d.validation(), d.test());
        int n = sets.stream().mapToInt(ImageSet::size).sum();
        int len = d.train().imageLength();
        byte[] pixels = new byte[n * len];
        int[] labels = new int[n];
        int k = 0;
        for (ImageSet s : sets) {
            System.arraycopy(s.pixels(), 0, pixels, k * len, s.pixels().length);
            System.arraycopy(s.labels(), 0, labels, k, s.size());
            k += s.size();
        }
        return new ImageSet(pixels, labels, d.train().channels(), d.train().height(), d.train().width());
    }

    private static int[] firstPixels(ImageSet set, int offset) {
        int[] values = new int[set.size()];
        for (int i = 0; i < set.size(); i++) {
            values[i] = set.pixels()[i * set.imageLength() + offset] & 0xFF;
        }
        return values;
    }

    @Test
    void missingFolderSaysWhichLayoutIsExpected() {
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(spec("folder", "nowhere", List.of(), null, 8)));
        assertTrue(e.getMessage().contains(dir.resolve("nowhere").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("<root>/<class>/*.png"), e.getMessage());
        assertTrue(e.getMessage().contains("<root>/train/<class>/"), e.getMessage());
    }

    @Test
    void splitFoldersWithoutTrainAreAnError() {
        classFolders(dir.resolve("fer/test"), THREE, 2, 4);
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(spec("folder", "fer", List.of(), null, 4)));
        assertTrue(e.getMessage().contains("no train/ folder"), e.getMessage());
    }

    @Test
    void emptyClassFolderIsAnErrorNamingClassAndFolder() throws IOException {
        classFolders(dir.resolve("faces"), List.of("angry", "happy"), 3, 4);
        Files.createDirectories(dir.resolve("faces/fear"));
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(spec("folder", "faces", List.of(), null, 4)));
        assertTrue(e.getMessage().contains("'fear'"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("faces/fear").toString()), e.getMessage());

        // Not an error when the empty class is not selected.
        assertEquals(2, prepare(spec("folder", "faces", List.of("angry", "happy"), null, 4)).numClasses());
    }

    @Test
    void folderOneLevelTooHighIsExplained() {
        classFolders(dir.resolve("download/fer2013/train"), THREE, 2, 4);
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(spec("folder", "download", List.of(), null, 4)));
        assertTrue(e.getMessage().contains("holds only sub-folders: train"), e.getMessage());
    }

    @Test
    void corruptTruncatedAndNonImageFilesAreSkippedAndReported() throws IOException {
        classFolders(dir.resolve("faces"), THREE, 5, 4);
        Path garbage = TestData.text(dir.resolve("faces/happy/garbage.png"), "this is not a PNG");
        Path good = dir.resolve("faces/sad/000.png");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("faces/sad/truncated.png");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Path notes = TestData.text(dir.resolve("faces/angry/notes.txt"), "labels were checked");
        TestData.text(dir.resolve("faces/angry/.DS_Store"), "hidden files are ignored");

        PreparedDataset d = prepare(spec("folder", "faces", List.of(), null, 4));
        assertEquals(15, d.train().size() + d.validation().size() + d.test().size());
        assertEquals(3, d.skipped().size(), d.skipped().toString());
        assertSkipped(d, garbage, "no decoder recognises");
        assertSkipped(d, truncated, "corrupt");
        assertSkipped(d, notes, "not an image file");
    }

    @Test
    void imageTooLargeToDecodeSafelyIsSkippedBeforeDecoding() {
        classFolders(dir.resolve("faces"), THREE, 3, 4);
        Path huge = TestData.pngDeclaring(dir.resolve("faces/happy/huge.png"), 20_000, 20_000);
        PreparedDataset d = prepare(spec("folder", "faces", List.of(), null, 4));
        assertSkipped(d, huge, "too large to decode safely: 20000x20000");
    }

    @Test
    void classWhoseImagesAreAllUnusableIsAnError() {
        classFolders(dir.resolve("faces"), List.of("angry"), 3, 4);
        TestData.text(dir.resolve("faces/happy/a.png"), "broken");
        TestData.text(dir.resolve("faces/happy/b.png"), "broken");
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(spec("folder", "faces", List.of(), null, 4)));
        assertTrue(e.getMessage().contains("'happy' has no usable images") && e.getMessage().contains("a.png"), e.getMessage());
    }

    @Test
    void aSkippedImageIsReplacedUnderACap() {
        classFolders(dir.resolve("faces"), List.of("angry", "happy"), 6, 4);
        TestData.text(dir.resolve("faces/happy/broken.png"), "broken");
        PreparedDataset d = prepare(spec("folder", "faces", List.of(), 6, 4));
        int[] total = new int[2];
        for (ImageSet set : List.of(d.train(), d.validation(), d.test())) {
            int[] c = counts(set, 2);
            total[0] += c[0];
            total[1] += c[1];
        }
        assertArrayEquals(new int[] {6, 6}, total);
    }

    private static void assertSkipped(PreparedDataset d, Path file, String reason) {
        assertTrue(d.skipped().stream().anyMatch(s -> s.startsWith(file.toString()) && s.contains(reason)),
                "expected " + file + " skipped for '" + reason + "' in " + d.skipped());
    }

    private static final DatasetAllowances FOLLOW = new DatasetAllowances(true, false);

    @Test
    void aLinkedImageLeadingOutOfTheDatasetFolderIsRefusedUnlessLinksAreFollowed() throws IOException {
        classFolders(dir.resolve("faces"), THREE, 5, 4);
        Path outside = TestData.grayPng(dir.resolve("elsewhere/secret.png"), 4, 4, TestData.base("happy"));
        Path link = Files.createSymbolicLink(dir.resolve("faces/happy/linked.png"), outside);
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(spec("folder", "faces", List.of(),
                null, 4)));
        assertTrue(e.getMessage().contains(link.toString()) && e.getMessage().contains("outside the dataset's folder")
                && e.getMessage().contains("follow_symlinks: true"), e.getMessage());
        PreparedDataset followed = prepare(spec("folder", "faces", List.of(), null, 4).withAllowances(FOLLOW));
        assertEquals(16, followed.train().size() + followed.validation().size() + followed.test().size());
    }

    @Test
    void aLinkedClassFolderLeadingOutIsRefusedButLinksInsideTheFolderAreFine() throws IOException {
        classFolders(dir.resolve("faces/train"), THREE, 5, 4);
        classFolders(dir.resolve("faces/test"), THREE, 2, 4);
        classFolders(dir.resolve("elsewhere"), List.of("fear"), 5, 4);
        Files.createSymbolicLink(dir.resolve("faces/train/fear"), dir.resolve("elsewhere/fear"));
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(spec("folder", "faces", List.of(),
                null, 4)));
        assertTrue(e.getMessage().contains("faces/train/fear") && e.getMessage().contains("outside"), e.getMessage());

        Files.delete(dir.resolve("faces/train/fear"));
        Files.createSymbolicLink(dir.resolve("faces/train/happy/copy.png"), dir.resolve("faces/train/happy/000.png"));
        Path linkedRoot = Files.createSymbolicLink(dir.resolve("faces-link"), dir.resolve("faces"));
        PreparedDataset d = prepare(spec("folder", linkedRoot.getFileName().toString(), List.of(), null, 4));
        assertEquals(THREE, d.classNames(), "a dataset folder that is itself a link is the user's choice");
    }

    @Test
    void foldersLeftOutAreNamedWithTheirReason() throws IOException {
        classFolders(dir.resolve("faces/train"), THREE, 5, 4);
        classFolders(dir.resolve("faces/test"), THREE, 2, 4);
        classFolders(dir.resolve("faces"), List.of("neutral"), 3, 4);          // beside train/ and test/
        TestData.grayPng(dir.resolve("faces/train/.surprise/0.png"), 4, 4, 9);  // hidden
        PreparedDataset d = prepare(spec("folder", "faces", List.of(), null, 4));
        assertEquals(THREE, d.classNames());
        assertEquals(2, d.skipped().size(), d.skipped().toString());
        assertTrue(d.skipped().contains(dir.resolve("faces/neutral") + ": a folder beside the split folders, not "
                + "one of them (train, validation or val, test); its images are not used"), d.skipped().toString());
        assertTrue(d.skipped().stream().anyMatch(s -> s.startsWith(dir.resolve("faces/train/.surprise") + ": a hidden "
                + "folder")), d.skipped().toString());
    }

    @Test
    void aClassWithoutTestImagesIsAnErrorUnlessAllowed() {
        classFolders(dir.resolve("faces/train"), THREE, 5, 4);
        classFolders(dir.resolve("faces/test"), List.of("angry", "sad"), 2, 4);
        DatasetException e = assertThrows(DatasetException.class, () -> prepare(spec("folder", "faces", List.of(),
                null, 4)));
        assertTrue(e.getMessage().contains("test split has no images of class 'happy'")
                && e.getMessage().contains("allow_missing_classes: true"), e.getMessage());
        PreparedDataset allowed = prepare(spec("folder", "faces", List.of(), null, 4)
                .withAllowances(new DatasetAllowances(false, true)));
        assertArrayEquals(new int[] {2, 0, 2}, counts(allowed.test(), 3));
    }
}
