package io.ferbench.worker.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageDecoderTest {
    @TempDir
    Path dir;

    @Test
    void grayPngValuesAreReadExactlyWithoutGammaConversion() throws Exception {
        // Java's gray colour space is linear: reading through getRGB would turn 64 into about 136.
        Raster r = ImageDecoder.decode(TestData.grayPng(dir.resolve("g.png"), 3, 2, 64), 1);
        assertEquals(3, r.width());
        assertEquals(2, r.height());
        for (float v : r.values()) {
            assertEquals(64f, v, 1e-4);
        }
    }

    @Test
    void aJpegCutShortInsideItsScanDataIsRefusedNotFilledIn() throws Exception {
        BufferedImage noise = new BufferedImage(48, 48, BufferedImage.TYPE_BYTE_GRAY);
        java.util.Random random = new java.util.Random(5);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) noise.getRaster().setSample(x, y, 0, random.nextInt(256));
        }
        Path whole = TestData.write(dir.resolve("whole.jpg"), noise, "jpg");
        ImageDecoder.decode(whole, 1);  // the intact file decodes
        byte[] bytes = java.nio.file.Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.jpg");
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        UnusableImageException e = assertThrows(UnusableImageException.class, () -> ImageDecoder.decode(cut, 1));
        assertTrue(e.getMessage().contains("truncated or damaged image data")
                && e.getMessage().contains("premature end of data segment"), e.getMessage());
    }

    @Test
    void sixteenBitGrayIsScaledTo8Bit() throws Exception {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                image.getRaster().setSample(x, y, 0, 65535);
            }
        }
        Raster r = ImageDecoder.decode(TestData.write(dir.resolve("g16.png"), image, "png"), 1);
        assertEquals(255f, r.values()[0], 1e-3);
    }

    @Test
    void colourIsKeptForRgbAndConvertedByLuminanceForGray() throws Exception {
        Path file = TestData.rgbImage(dir.resolve("c.bmp"), 2, 2, 0x336699, "bmp");
        Raster rgb = ImageDecoder.decode(file, 3);
        assertEquals(0x33, rgb.values()[0], 1e-4);
        assertEquals(0x66, rgb.values()[4], 1e-4);
        assertEquals(0x99, rgb.values()[8], 1e-4);
        Raster gray = ImageDecoder.decode(file, 1);
        assertEquals(0.299 * 0x33 + 0.587 * 0x66 + 0.114 * 0x99, gray.values()[0], 1e-3);
    }

    @Test
    void failuresAreReasonsNotCrashes() {
        UnusableImageException missing = assertThrows(UnusableImageException.class,
                () -> ImageDecoder.decode(dir.resolve("absent.png"), 1));
        assertEquals("file not found", missing.getMessage());
        UnusableImageException big = assertThrows(UnusableImageException.class,
                () -> ImageDecoder.decode(TestData.pngDeclaring(dir.resolve("big.png"), 9000, 9000), 1));
        assertTrue(big.getMessage().contains("too large"), big.getMessage());
        UnusableImageException garbage = assertThrows(UnusableImageException.class,
                () -> ImageDecoder.decode(TestData.text(dir.resolve("x.jpg"), "not a jpeg"), 1));
        assertTrue(garbage.getMessage().contains("no decoder"), garbage.getMessage());
    }
}
