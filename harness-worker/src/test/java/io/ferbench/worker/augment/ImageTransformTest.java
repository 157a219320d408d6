package io.ferbench.worker.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.cell.AugmentationSpec;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each transform does what its name says, pixel for pixel, and draws are reproducible. */
class ImageTransformTest {
    private static final int SIDE = 6;

    /** A 6×6 ramp: pixel (x, y) holds (y·6 + x) / 35, so every pixel is distinct. */
    private static float[] ramp() {
        float[] image = new float[SIDE * SIDE];
        for (int k = 0; k < image.length; k++) image[k] = k / 35f;
        return image;
    }

    private static float[] apply(ImageTransform t, float[] image) {
        float[] out = new float[image.length];
        t.apply(image, 0, 1, SIDE, SIDE, out, 0);
        return out;
    }

    private static float at(float[] image, int x, int y) {
        return image[y * SIDE + x];
    }

    @Test
    void theIdentityAndAZeroProfileChangeNothing() {
        float[] image = ramp();
        assertArrayEquals(image, apply(ImageTransform.IDENTITY, image));
        Augmenter none = new Augmenter(AugmentationSpec.none(), 1);
        assertFalse(none.active());
        assertEquals(ImageTransform.IDENTITY, none.transform(3, 7));
    }

    @Test
    void flipMirrorsLeftRightExactly() {
        float[] flipped = apply(new ImageTransform(true, 0, 1, 0, 0, 0, 0, 1, 1), ramp());
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) assertEquals(at(ramp(), SIDE - 1 - x, y), at(flipped, x, y), 1e-6);
        }
    }

    @Test
    void aQuarterTurnMovesEveryPixelToItsRotatedPlace() {
        // positive angles turn the content counter-clockwise on screen: the top-right corner goes top-left
        float[] turned = apply(new ImageTransform(false, 90, 1, 0, 0, 0, 0, 1, 1), ramp());
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                assertEquals(at(ramp(), SIDE - 1 - y, x), at(turned, x, y), 1e-5, "(" + x + "," + y + ")");
            }
        }
    }

    @Test
    void aShiftMovesTheContentAndRepeatsTheEdge() {
        // one pixel to the right and one down
        float[] shifted = apply(new ImageTransform(false, 0, 1, 0, 0, 1.0 / SIDE, 1.0 / SIDE, 1, 1), ramp());
        for (int y = 1; y < SIDE; y++) {
            for (int x = 1; x < SIDE; x++) assertEquals(at(ramp(), x - 1, y - 1), at(shifted, x, y), 1e-6);
        }
        assertEquals(at(ramp(), 0, 0), at(shifted, 0, 0), 1e-6, "outside the image: the nearest edge pixel");
    }

    @Test
    void aCropZoomsIntoTheChosenSquare() {
        // the bottom-right quarter (side 0.5, centre +0.25, +0.25): output pixel 1 (centre 1.5 of 6, -0.25 from the
        // middle) samples source position (-0.25·0.5 + 0.25 + 0.5)·6 - 0.5 = 3.25 in x and y
        float[] zoomed = apply(new ImageTransform(false, 0, 0.5, 0.25, 0.25, 0, 0, 1, 1), ramp());
        float expected = (float) (at(ramp(), 3, 3) * 0.75 * 0.75 + at(ramp(), 4, 3) * 0.25 * 0.75
                + at(ramp(), 3, 4) * 0.75 * 0.25 + at(ramp(), 4, 4) * 0.25 * 0.25);
        assertEquals(expected, at(zoomed, 1, 1), 1e-6);
    }

    @Test
    void brightnessAndContrastFollowColorJitter() {
        float[] image = {0.2f, 0.4f, 0.6f, 0.8f};
        float[] brighter = new float[4];
        new ImageTransform(false, 0, 1, 0, 0, 0, 0, 1.5, 1).apply(image, 0, 1, 2, 2, brighter, 0);
        assertArrayEquals(new float[] {0.3f, 0.6f, 0.9f, 1.0f}, brighter, 1e-6f, "x·1.5, clamped to 1");
        float[] flatter = new float[4];
        new ImageTransform(false, 0, 1, 0, 0, 0, 0, 1, 0.5).apply(image, 0, 1, 2, 2, flatter, 0);
        assertArrayEquals(new float[] {0.35f, 0.45f, 0.55f, 0.65f}, flatter, 1e-6f, "(x - 0.5)·0.5 + 0.5");
    }

    @Test
    void drawsStayInTheirRangesAndDependOnlyOnSeedEpochAndPosition() {
        AugmentationSpec spec = new AugmentationSpec("all", true, 15, 0.1, 0.8, 0.2, 0.3);
        Augmenter a = new Augmenter(spec, 42);
        Set<Boolean> flips = new HashSet<>();
        for (int p = 0; p < 200; p++) {
            ImageTransform t = a.transform(1, p);
            flips.add(t.flip());
            assertTrue(Math.abs(t.degrees()) <= 15 && t.cropSide() >= 0.8 && t.cropSide() <= 1);
            assertTrue(Math.abs(t.cropX()) <= (1 - t.cropSide()) / 2 + 1e-12, "the crop stays inside the image");
            assertTrue(Math.abs(t.shiftX()) <= 0.1 && Math.abs(t.shiftY()) <= 0.1);
            assertTrue(t.brightness() >= 0.8 && t.brightness() <= 1.2 && t.contrast() >= 0.7 && t.contrast() <= 1.3);
        }
        assertEquals(Set.of(true, false), flips);
        assertEquals(a.transform(3, 5), new Augmenter(spec, 42).transform(3, 5));
        assertNotEquals(a.transform(3, 5), a.transform(4, 5));
        assertNotEquals(a.transform(3, 5), a.transform(3, 6));
        assertNotEquals(a.transform(3, 5), new Augmenter(spec, 43).transform(3, 5));
        // a switched-off transform draws nothing and stays neutral
        ImageTransform flipOnly = ImageTransform.sample(new AugmentationSpec("f", true, 0, 0, 1, 0, 0),
                new SplittableRandom(1));
        assertEquals(0, flipOnly.degrees());
        assertEquals(1, flipOnly.brightness());
    }

    @Test
    void everyChannelGetsTheSameGeometry() {
        float[] rgb = new float[3 * SIDE * SIDE];
        for (int c = 0; c < 3; c++) System.arraycopy(ramp(), 0, rgb, c * SIDE * SIDE, SIDE * SIDE);
        float[] out = new float[rgb.length];
        new ImageTransform(true, 30, 0.9, 0.02, -0.03, 0.05, 0, 1, 1).apply(rgb, 0, 3, SIDE, SIDE, out, 0);
        for (int k = 0; k < SIDE * SIDE; k++) {
            assertEquals(out[k], out[SIDE * SIDE + k]);
            assertEquals(out[k], out[2 * SIDE * SIDE + k]);
        }
    }
}
