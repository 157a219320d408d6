package io.ferbench.worker.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Procedurally drawn grayscale faces in the seven FER2013 classes (and, on request, nine more: contempt and eight
 * compound expressions, for datasets of up to 16 classes): the built-in dataset, so that everything runs
 * with no download. Each class has its own geometry (mouth curvature and opening, brow height and angle, eye
 * openness, wrinkles), blended from neutral by a random expression intensity; each face also varies in identity,
 * position, scale, rotation, lighting gradient, contrast and pixel noise. The result is learnable by a CNN but not
 * by template matching: the class means of raw pixels are blurred by the nuisance variation.
 *
 * <p>Face {@code index} of a class is a pure function of (class, index, seed): the same arguments give the same
 * pixels at a given size, and a class subset draws the same faces as the full set.
 */
public final class SyntheticFaces {
    /** FER2013's classes, in the sorted order of its Kaggle folders. */
    public static final List<String> FER2013_CLASSES =
            List.of("angry", "disgust", "fear", "happy", "neutral", "sad", "surprise");
    /**
     * Every class the generator draws: the FER2013 seven (the default of a synthetic dataset), then contempt and the
     * compound expressions, which a dataset gets only by naming them.
     */
    public static final List<String> ALL_CLASSES = Arrays.stream(Expression.values())
            .map(Expression::className).toList();
    /** Faces per class when a suite sets no {@code images_per_class}. */
    public static final int DEFAULT_IMAGES_PER_CLASS = 300;
    /** Version of the drawing; part of the cache key, so changing the drawing invalidates cached tensors. */
    public static final int GENERATOR_VERSION = 2;

    private SyntheticFaces() {
    }

    /**
     * Draws face {@code index} of class {@code className} as {@code size × size} gray bytes, row by row.
     *
     * @throws DatasetException when the class is not one of {@link #ALL_CLASSES}
     */
    public static byte[] draw(String className, int index, int size, long seed) {
        return render(className, index, size, seed).toBytes();
    }

    static Raster render(String className, int index, int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("image size must be positive, not " + size);
        }
        Expression expression = expression(className);
        SplittableRandom random = new SplittableRandom(
                Stratified.mix(seed, "synthetic-face", expression.className(), Integer.toString(index)));
        FaceParameters face = FaceParameters.sample(expression, random);
        return new Raster(1, size, size, FaceRenderer.render(face, size));
    }

    /**
     * Writes faces in Kaggle's FER2013 layout, {@code out/train/<class>/<class>_00001.png} and
     * {@code out/test/<class>/...}, putting the last 20 % of each class's faces in test/. The same folder can
     * then be used as a dataset of kind {@code folder}.
     *
     * @param classes        class names from {@link #ALL_CLASSES}, or empty for the seven FER2013 classes
     * @param imagesPerClass faces per class (train and test together)
     * @return the number of files written
     */
    public static int writeKaggleLayout(Path out, List<String> classes, int imagesPerClass, int size, long seed) {
        if (imagesPerClass < 1) {
            throw new IllegalArgumentException("images per class must be at least 1, not " + imagesPerClass);
        }
        List<String> names = classes.isEmpty() ? FER2013_CLASSES : classes.stream().map(c -> expression(c).className()).toList();
        int test = Stratified.holdOutCount(imagesPerClass);
        int written = 0;
        for (String name : names) {
            for (int i = 0; i < imagesPerClass; i++) {
                String split = i < imagesPerClass - test ? "train" : "test";
                Path file = out.resolve(split).resolve(name).resolve(String.format("%s_%05d.png", name, i + 1));
                writePng(file, draw(name, i, size, seed), size);
                written++;
            }
        }
        return written;
    }

    private static void writePng(Path file, byte[] gray, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, size, size, gray);
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DatasetException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static Expression expression(String className) {
        for (Expression e : Expression.values()) {
            if (e.className().equalsIgnoreCase(className.trim())) {
                return e;
            }
        }
        throw new DatasetException("synthetic faces have no class '" + className + "'; the classes are "
                + String.join(", ", ALL_CLASSES));
    }
}
