package io.ferbench.worker.data;

import io.ferbench.api.cell.DatasetSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Small images, CSV files and specs that the data tests make in their temporary folders. */
final class TestData {
    private TestData() {
    }

    static DatasetSpec spec(String kind, String path, List<String> classes, Integer imagesPerClass, int size) {
        return new DatasetSpec("test-" + kind, kind, path, null, classes, imagesPerClass, size, true, null, 42L);
    }

    /** A gray PNG of constant value. */
    static Path grayPng(Path file, int width, int height, int value) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, value);
            }
        }
        return write(file, image, "png");
    }

    /** A colour image of constant RGB in the given format (png, jpg, bmp, gif). */
    static Path rgbImage(Path file, int width, int height, int rgb, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return write(file, image, format);
    }

    /**
     * Writes {@code perClass} gray PNGs into {@code folder/<class>/}; image i of class c has value
     * {@code base(c) + i % 5}, so a test can tell the class of any loaded image from its pixels.
     */
    static void classFolders(Path folder, List<String> classes, int perClass, int size) {
        for (String name : classes) {
            for (int i = 0; i < perClass; i++) {
                grayPng(folder.resolve(name).resolve(String.format("%03d.png", i)), size, size, base(name) + i % 5);
            }
        }
    }

    /** The pixel base value that {@link #classFolders} uses for a class: distinct for every test class name. */
    static int base(String className) {
        return switch (className.toLowerCase()) {
            case "angry", "anger" -> 20;
            case "disgust" -> 50;
            case "fear" -> 80;
            case "happy" -> 110;
            case "neutral" -> 140;
            case "sad" -> 170;
            case "surprise" -> 200;
            case "contempt" -> 230;
            default -> throw new IllegalArgumentException(className);
        };
    }

    /** Class index → base value as loaded, checked for every image of a set: proves mapping by name. */
    static void assertLabelsMatchPixels(ImageSet set, List<String> classNames) {
        for (int i = 0; i < set.size(); i++) {
            int pixel = set.pixels()[i * set.imageLength()] & 0xFF;
            String name = classNames.get(set.labels()[i]);
            int base = base(name);
            if (pixel < base || pixel > base + 4) {
                throw new AssertionError("image " + i + " labelled " + name + " has pixel " + pixel
                        + ", expected " + base + ".." + (base + 4));
            }
        }
    }

    static int[] counts(ImageSet set, int classes) {
        int[] counts = new int[classes];
        for (int label : set.labels()) {
            counts[label]++;
        }
        return counts;
    }

    /** A valid PNG whose header declares {@code width × height} but that holds almost no data. */
    static Path pngDeclaring(Path file, int width, int height) {
        try {
            Path small = grayPng(file, 1, 1, 0);
            byte[] bytes = Files.readAllBytes(small);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            // IHDR data starts after the 8-byte signature, 4-byte length and 4-byte type.
            buffer.putInt(16, width);
            buffer.putInt(20, height);
            CRC32 crc = new CRC32();
            crc.update(bytes, 12, 17); // type + 13 bytes of IHDR data
            buffer.putInt(29, (int) crc.getValue());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, BufferedImage image, String format) {
        try {
            Files.createDirectories(file.getParent());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no writer for " + format);
            }
            Files.write(file, bytes.toByteArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path text(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 2304 pixel values of a constant 48×48 FER2013 image, space separated. */
    static String ferPixels(int value) {
        return String.join(" ", Collections.nCopies(48 * 48, Integer.toString(value)));
    }
}
