package io.ferbench.worker.data;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files with {@code javax.imageio} (PNG, JPEG, BMP, GIF), checking the declared size before
 * decoding so that a hostile or broken header cannot exhaust memory. Every failure is an
 * {@link UnusableImageException} with the reason; the caller skips and reports the file.
 */
final class ImageDecoder {
    /** File name endings that a folder layout treats as images. */
    static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");
    /** Largest side that is decoded. */
    static final int MAX_SIDE = 16_384;
    /** Largest pixel count that is decoded (8192 × 8192, 64 Mpixel: 256 MiB as ARGB). */
    static final long MAX_PIXELS = 8192L * 8192L;

    /** Number of decode attempts in this JVM; tests read it to prove that a cache hit decodes nothing. */
    static final AtomicLong DECODES = new AtomicLong();

    static {
        ImageIO.setUseCache(false); // decode in memory, never through temporary files
    }

    private ImageDecoder() {
    }

    static boolean hasImageExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** Decodes {@code file} into a raster with {@code channels} channels (1: luminance, 3: RGB). */
    static Raster decode(Path file, int channels) throws UnusableImageException {
        DECODES.incrementAndGet();
        if (!Files.isRegularFile(file)) {
            throw new UnusableImageException(Files.exists(file) ? "not a regular file" : "file not found");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new UnusableImageException("cannot be opened for reading");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnusableImageException("not a PNG, JPEG, BMP or GIF image (no decoder recognises its content)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new UnusableImageException("declares an empty size " + width + "x" + height);
                }
                if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
                    throw new UnusableImageException("too large to decode safely: " + width + "x" + height
                            + " (limit " + MAX_SIDE + " per side and " + MAX_PIXELS / 1_048_576 + " Mpixel)");
                }
                // A JPEG cut short inside its scan data decodes without an exception: the decoder warns
                // ("Premature end of JPEG file") and fills the rest in grey. Any decoder warning means damaged data.
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new UnusableImageException("truncated or damaged image data: " + String.join("; ",
                            warnings));
                }
                return toRaster(image, channels);
            } finally {
                reader.dispose();
            }
        } catch (NoSuchFileException e) {
            throw new UnusableImageException("file not found");
        } catch (IOException | RuntimeException e) {
            // ImageIO's decoders signal corrupt data with IOExceptions and, for some damage, runtime exceptions.
            throw new UnusableImageException("corrupt or unreadable image: " + describe(e));
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !cause.getMessage().equals(message)) {
            message = message == null ? cause.getMessage() : message + " (" + cause.getMessage() + ")";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** Converts a decoded image; gray images are read sample by sample to avoid Java's gray-to-sRGB gamma mapping. */
    static Raster toRaster(BufferedImage image, int channels) {
        int w = image.getWidth(), h = image.getHeight();
        ColorModel model = image.getColorModel();
        if (model.getNumColorComponents() == 1 && !(model instanceof IndexColorModel)) {
            WritableRaster raster = image.getRaster();
            float scale = 255f / ((1 << model.getComponentSize(0)) - 1);
            float[] gray = new float[w * h];
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    gray[y * w + x] = row[x] * scale;
                }
            }
            return new Raster(1, w, h, gray).withChannels(channels);
        }
        int plane = w * h;
        int[] argb = new int[w];
        if (channels == 1) {
            float[] gray = new float[plane];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, argb, 0, w);
                for (int x = 0; x < w; x++) {
                    int p = argb[x];
                    gray[y * w + x] = Raster.LUMA_R * ((p >> 16) & 0xFF) + Raster.LUMA_G * ((p >> 8) & 0xFF)
                            + Raster.LUMA_B * (p & 0xFF);
                }
            }
            return new Raster(1, w, h, gray);
        }
        float[] rgb = new float[3 * plane];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, argb, 0, w);
            for (int x = 0; x < w; x++) {
                int p = argb[x];
                int i = y * w + x;
                rgb[i] = (p >> 16) & 0xFF;
                rgb[plane + i] = (p >> 8) & 0xFF;
                rgb[2 * plane + i] = p & 0xFF;
            }
        }
        return new Raster(3, w, h, rgb);
    }
}
