package io.ferbench.worker.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.cell.DatasetSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticFacesTest {
    @TempDir
    Path dir;

    @Test
    void theFer2013ClassesAreTheFirstSevenDrawnExpressionsInSortedOrder() {
        assertEquals(Arrays.stream(Expression.values()).limit(7).map(Expression::className).sorted().toList(),
                SyntheticFaces.FER2013_CLASSES);
        assertEquals(Arrays.stream(Expression.values()).map(Expression::className).toList(), SyntheticFaces.ALL_CLASSES);
    }

    @Test
    void sameSeedGivesSamePixelsAndOtherSeedsOrIndicesDiffer() {
        byte[] a = SyntheticFaces.draw("happy", 3, 48, 11);
        assertArrayEquals(a, SyntheticFaces.draw("happy", 3, 48, 11));
        assertArrayEquals(a, SyntheticFaces.draw("Happy", 3, 48, 11), "class names are case-insensitive");
        assertFalse(Arrays.equals(a, SyntheticFaces.draw("happy", 3, 48, 12)));
        assertFalse(Arrays.equals(a, SyntheticFaces.draw("happy", 4, 48, 11)));
        assertFalse(Arrays.equals(a, SyntheticFaces.draw("sad", 3, 48, 11)));
    }

    @Test
    void aLargeRenderShrunkToTheSmallSizeMatchesTheSmallRender() {
        // Analytic anti-aliasing: drawing at 224 and area-averaging to 48 gives (up to pixel noise) the 48 drawing.
        for (String name : SyntheticFaces.FER2013_CLASSES) {
            Raster large = SyntheticFaces.render(name, 0, 224, 5);
            float[] shrunk = Resampler.resize(large, 48, 48).values();
            float[] small = SyntheticFaces.render(name, 0, 48, 5).values();
            double correlation = correlation(shrunk, small);
            assertTrue(correlation > 0.9, name + ": correlation " + correlation);
        }
    }

    private static double correlation(float[] x, float[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void picturesUseTheIntensityRangeAndVaryInBrightness() {
        double[] means = new double[20];
        for (int i = 0; i < means.length; i++) {
            byte[] face = SyntheticFaces.draw("neutral", i, 32, 1);
            PixelMoments m = new PixelMoments();
            m.add(face, 0, face.length);
            means[i] = m.mean();
            assertTrue(m.std() > 0.05, "face " + i + " has contrast");
        }
        double lo = Arrays.stream(means).min().orElseThrow(), hi = Arrays.stream(means).max().orElseThrow();
        assertTrue(hi - lo > 0.15, "lighting varies between faces: mean brightness from " + lo + " to " + hi);
    }

    @Test
    void preparedSubsetHasTheRequestedClassesInOrderAndSplits() {
        DatasetSpec spec = new DatasetSpec("syn", "synthetic", null, null, List.of("surprise", "happy"), 25, 32, true,
                null, 9L);
        PreparedDataset d = Datasets.prepare(spec, null, null);
        assertEquals(List.of("surprise", "happy"), d.classNames());
        assertArrayEquals(new int[] {16, 16}, TestData.counts(d.train(), 2));
        assertArrayEquals(new int[] {4, 4}, TestData.counts(d.validation(), 2));
        assertArrayEquals(new int[] {5, 5}, TestData.counts(d.test(), 2));
        assertEquals(32 * 32, d.train().imageLength());

        // A subset draws the same faces as the full set: every happy training face is one of the full set's.
        DatasetSpec rgb = new DatasetSpec("syn", "synthetic", null, null, List.of("happy"), 25, 32, false, null, 9L);
        ImageSet colour = Datasets.prepare(rgb, null, null).train();
        assertEquals(3, colour.channels());
        int plane = 32 * 32;
        byte[] first = Arrays.copyOfRange(colour.pixels(), 0, plane);
        assertArrayEquals(first, Arrays.copyOfRange(colour.pixels(), 2 * plane, 3 * plane), "gray replicated to RGB");
        boolean found = false;
        for (int i = 0; i < 25 && !found; i++) {
            found = Arrays.equals(first, SyntheticFaces.draw("happy", i, 32, 9));
        }
        assertTrue(found);
    }

    @Test
    void unknownClassIsAnErrorListingTheClasses() {
        DatasetSpec spec = new DatasetSpec("syn", "synthetic", null, null, List.of("pride"), 5, 16, true, null, 1L);
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.prepare(spec, null, null));
        assertTrue(e.getMessage().contains("'pride'") && e.getMessage().contains(String.join(", ",
                SyntheticFaces.ALL_CLASSES)), e.getMessage());
        assertThrows(DatasetException.class, () -> SyntheticFaces.draw("pride", 0, 16, 1));
    }

    @Test
    void sixteenClassesKeepFer2013sSevenFirstAndAreDrawnOnlyWhenNamed() {
        assertEquals(16, SyntheticFaces.ALL_CLASSES.size());
        assertEquals(SyntheticFaces.FER2013_CLASSES, SyntheticFaces.ALL_CLASSES.subList(0, 7));
        assertEquals(16, Set.copyOf(SyntheticFaces.ALL_CLASSES).size());
        PreparedDataset seven = Datasets.prepare(new DatasetSpec("syn", "synthetic", null, null, List.of(), 5, 16, true,
                null, 1L), null, null);
        assertEquals(SyntheticFaces.FER2013_CLASSES, seven.classNames(), "a synthetic dataset defaults to FER2013's");
        PreparedDataset all = Datasets.prepare(new DatasetSpec("syn", "synthetic", null, null,
                SyntheticFaces.ALL_CLASSES, 5, 16, true, null, 1L), null, null);
        assertEquals(SyntheticFaces.ALL_CLASSES, all.classNames());
        // a compound is drawn, distinct from both of its components
        byte[] compound = SyntheticFaces.draw("happily_surprised", 0, 32, 4);
        assertFalse(Arrays.equals(compound, SyntheticFaces.draw("happy", 0, 32, 4)));
        assertFalse(Arrays.equals(compound, SyntheticFaces.draw("surprise", 0, 32, 4)));
        // the geometry of a compound is the mean of its components'
        assertEquals((Expression.HAPPY.mouthOpen + Expression.SURPRISE.mouthOpen) / 2,
                Expression.HAPPILY_SURPRISED.mouthOpen, 1e-15);
    }

    @Test
    void aClassCountThatTheDataDoesNotHaveIsAnError() {
        DatasetSpec spec = new DatasetSpec("syn", "synthetic", null, null, List.of(), 5, 16, true, null, 1L, 13, null);
        DatasetException e = assertThrows(DatasetException.class, () -> Datasets.prepare(spec, null, null));
        assertTrue(e.getMessage().contains("has 7 classes") && e.getMessage().contains("class_count: 13"),
                e.getMessage());
    }

    @Test
    void kaggleLayoutIsWrittenAndLoadsBackAsAFolderDataset() {
        Path out = dir.resolve("synthetic-fer");
        int written = SyntheticFaces.writeKaggleLayout(out, List.of("angry", "fear"), 10, 24, 5);
        assertEquals(20, written);
        assertTrue(out.resolve("train/angry/angry_00001.png").toFile().isFile());
        assertTrue(out.resolve("test/fear/fear_00010.png").toFile().isFile());

        PreparedDataset d = Datasets.prepare(new DatasetSpec("back", "folder", out.toString(), null, List.of(), null, 24,
                true, null, 1L), null, null);
        assertEquals(List.of("angry", "fear"), d.classNames());
        assertArrayEquals(new int[] {2, 2}, TestData.counts(d.test(), 2), "the last 20 % of each class is test/");
        assertEquals(12, d.train().size());
        assertEquals(4, d.validation().size());
        // PNG is lossless: test image pixels are exactly the drawn faces 9 and 10 (indices 8, 9).
        for (int i = 0; i < d.test().size(); i++) {
            byte[] pixels = Arrays.copyOfRange(d.test().pixels(), i * 576, (i + 1) * 576);
            String name = d.classNames().get(d.test().labels()[i]);
            assertTrue(Arrays.equals(pixels, SyntheticFaces.draw(name, 8, 24, 5))
                    || Arrays.equals(pixels, SyntheticFaces.draw(name, 9, 24, 5)));
        }
    }

    @Test
    void withoutACapEachClassHasTheDefaultNumberOfFaces() {
        PreparedDataset d = Datasets.prepare(new DatasetSpec("syn", "synthetic", null, null, List.of(), null, 8, true,
                null, 1L), null, null);
        assertEquals(SyntheticFaces.FER2013_CLASSES, d.classNames());
        int total = d.train().size() + d.validation().size() + d.test().size();
        assertEquals(7 * SyntheticFaces.DEFAULT_IMAGES_PER_CLASS, total);
    }
}
