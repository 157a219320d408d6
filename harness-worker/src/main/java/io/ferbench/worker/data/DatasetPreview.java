package io.ferbench.worker.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A dataset as a cell prepared it, in the form a report shows it (the study's Figures 1–3): image
 * counts per class and split, pixel mean and standard deviation per class (0..1 scale, all splits
 * together, from {@link DatasetStats}), and a few sample images per class as small PNG thumbnails.
 * Small enough (a few kilobytes a thumbnail) for a report to inline. Figures a class does not have
 * (no images) are null, never NaN.
 *
 * @param mean    pixel mean over every image of every split
 * @param classes in class-index order
 */
public record DatasetPreview(String dataset, int imageSize, int channels, int images, Double mean, Double std,
                             List<ClassPreview> classes) {
    /** Sample images kept per class. */
    public static final int SAMPLES_PER_CLASS = 8;
    /** Thumbnails larger than this many pixels a side are scaled down to it. */
    public static final int MAX_THUMBNAIL_SIDE = 64;

    /**
     * One class.
     *
     * @param samples base64-encoded PNG images, taken from the training split first
     */
    public record ClassPreview(String name, int train, int validation, int test, Double mean, Double std,
                               List<String> samples) {
        public ClassPreview {
            samples = List.copyOf(samples);
        }

        public int count() { return train + validation + test; }
    }

    public DatasetPreview {
        classes = List.copyOf(classes);
    }

    /** The preview of {@code data} with up to {@code samplesPerClass} thumbnails a class. */
    public static DatasetPreview of(PreparedDataset data, int samplesPerClass) {
        DatasetStats stats = DatasetStats.of(data);
        DatasetStats.Part all = stats.part("all");
        List<ClassPreview> classes = new ArrayList<>();
        for (int c = 0; c < data.numClasses(); c++) {
            DatasetStats.ClassStats s = all.perClass().get(c);
            classes.add(new ClassPreview(data.classNames().get(c), count(stats, "train", c),
                    count(stats, "validation", c), count(stats, "test", c), finite(s.mean()), finite(s.std()),
                    samples(data, c, samplesPerClass)));
        }
        ImageSet train = data.train();
        return new DatasetPreview(data.name(), Math.max(train.height(), train.width()), train.channels(), all.count(),
                finite(all.mean()), finite(all.std()), classes);
    }

    private static int count(DatasetStats stats, String part, int classIndex) {
        return stats.part(part).perClass().get(classIndex).count();
    }

    private static List<String> samples(PreparedDataset data, int classIndex, int limit) {
        List<String> pngs = new ArrayList<>();
        for (ImageSet set : List.of(data.train(), data.validation(), data.test())) {
            for (int i = 0; i < set.size() && pngs.size() < limit; i++) {
                if (set.labels()[i] == classIndex) pngs.add(thumbnail(set, i));
            }
        }
        return pngs;
    }

    /** Image {@code i} of {@code set}, scaled down to {@link #MAX_THUMBNAIL_SIDE} if larger, as base64 PNG. */
    public static String thumbnail(ImageSet set, int i) {
        int length = set.imageLength();
        byte[] pixels = new byte[length];
        System.arraycopy(set.pixels(), i * length, pixels, 0, length);
        Raster raster = Raster.ofBytes(set.channels(), set.width(), set.height(), pixels);
        int side = Math.max(set.width(), set.height());
        if (side > MAX_THUMBNAIL_SIDE) {
            raster = Resampler.resize(raster, Math.max(1, set.width() * MAX_THUMBNAIL_SIDE / side),
                    Math.max(1, set.height() * MAX_THUMBNAIL_SIDE / side));
        }
        return Base64.getEncoder().encodeToString(png(raster));
    }

    private static byte[] png(Raster raster) {
        int w = raster.width(), h = raster.height(), plane = w * h;
        byte[] chw = raster.toBytes();
        BufferedImage image;
        if (raster.channels() == 1) {
            image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, w, h, chw);
        } else {
            image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            for (int p = 0; p < plane; p++) {
                int rgb = (chw[p] & 0xFF) << 16 | (chw[plane + p] & 0xFF) << 8 | (chw[2 * plane + p] & 0xFF);
                image.setRGB(p % w, p / w, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) throw new IllegalStateException("no PNG writer in this Java runtime");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a thumbnail: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
