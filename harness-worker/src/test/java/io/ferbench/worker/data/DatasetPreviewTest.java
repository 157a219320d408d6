package io.ferbench.worker.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DatasetPreviewTest {
    private static BufferedImage decode(String base64) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    /** 2×2 gray images whose four pixels all equal {@code values[i]}. */
    private static ImageSet flat(int[] labels, int... values) {
        byte[] pixels = new byte[labels.length * 4];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) values[i / 4];
        return new ImageSet(pixels, labels, 1, 2, 2);
    }

    @Test
    void countsPerSplitStatisticsPerClassAndThumbnailsFromTrainingFirst() throws Exception {
        ImageSet train = flat(new int[] {0, 1, 0}, 0, 255, 51);
        ImageSet validation = flat(new int[] {0}, 102);
        ImageSet test = flat(new int[] {1}, 255);
        PreparedDataset data = new PreparedDataset("toy", List.of("dark", "<b>light</b>", "absent"), train, validation,
                test, 0.5f, 0.5f, List.of());
        DatasetPreview preview = DatasetPreview.of(data, 2);

        assertEquals(5, preview.images());
        assertEquals(2, preview.imageSize());
        assertEquals(1, preview.channels());
        DatasetPreview.ClassPreview dark = preview.classes().get(0);
        assertEquals(List.of(2, 1, 0, 3), List.of(dark.train(), dark.validation(), dark.test(), dark.count()));
        assertEquals((0 + 0.2 + 0.4) / 3, dark.mean(), 1e-9);
        assertEquals(2, dark.samples().size(), "at most two a class");
        assertEquals(0, decode(dark.samples().get(0)).getRaster().getSample(1, 1, 0));
        assertEquals(51, decode(dark.samples().get(1)).getRaster().getSample(0, 0, 0), "the second training image");

        DatasetPreview.ClassPreview light = preview.classes().get(1);
        assertEquals("<b>light</b>", light.name());
        assertEquals(0.0, light.std(), 1e-9);
        assertEquals(2, light.samples().size(), "a training and a test image");

        DatasetPreview.ClassPreview absent = preview.classes().get(2);
        assertEquals(0, absent.count());
        assertNull(absent.mean(), "no images: null, never NaN");
        assertEquals(List.of(), absent.samples());
    }

    @Test
    void largeImagesAreScaledDownAndColourIsKept() throws Exception {
        int side = 200;
        byte[] rgb = new byte[3 * side * side];
        java.util.Arrays.fill(rgb, 0, side * side, (byte) 200); // red plane only
        ImageSet set = new ImageSet(rgb, new int[] {0}, 3, side, side);
        BufferedImage thumb = decode(DatasetPreview.thumbnail(set, 0));
        assertEquals(DatasetPreview.MAX_THUMBNAIL_SIDE, thumb.getWidth());
        assertEquals(DatasetPreview.MAX_THUMBNAIL_SIDE, thumb.getHeight());
        assertEquals(200 << 16, thumb.getRGB(10, 10) & 0xFFFFFF);
    }
}
