package io.ferbench.worker.data;

import io.ferbench.api.cell.DatasetSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns a source's catalog into a {@link PreparedDataset}: selects classes by name, caps each class with a seeded
 * choice that keeps the source's own split proportions, decodes only what is used (in parallel), carves the missing
 * splits (20 % of each class to test, then 20 % of the rest to validation), and computes the training split's
 * mean and standard deviation.
 */
final class DatasetBuilder {
    private static final String EXPECTED_IMAGES = "expected image files (" + String.join(", ", ImageDecoder.EXTENSIONS) + ")";

    private final DatasetSpec spec;
    private final String where;
    private final List<String> skipped = new ArrayList<>();

    private DatasetBuilder(DatasetSpec spec, String where) {
        this.spec = spec;
        this.where = where;
    }

    /** @param where the dataset as messages name it */
    static PreparedDataset build(DatasetSpec spec, DatasetSource source, String where) {
        return new DatasetBuilder(spec, where).build(source.catalog());
    }

    /** A decoded, resized image and where it came from. */
    private record Decoded(byte[] pixels, ImageOrigin origin) {
    }

    /** The images of one class, by split, in their seeded order. */
    private record ClassImages(List<List<Decoded>> bySplit) {
        List<Decoded> get(Split split) {
            return bySplit.get(split.ordinal());
        }

        int total() {
            return bySplit.stream().mapToInt(List::size).sum();
        }
    }

    private PreparedDataset build(Catalog catalog) {
        skipped.addAll(catalog.skipped());
        ClassSelection classes = ClassSelection.of(catalog.classNames(), spec.classes(), where);
        List<List<List<Sample>>> candidates = group(catalog, classes);
        boolean[] present = new boolean[Split.values().length];
        List<ClassImages> images = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            String name = classes.names().get(c);
            String location = catalog.classLocations().getOrDefault(ClassSelection.key(name), where);
            List<List<Sample>> bySplit = candidates.get(c);
            if (bySplit.stream().allMatch(List::isEmpty)) {
                throw new DatasetException("class '" + name + "' has no images in " + location + "; " + EXPECTED_IMAGES);
            }
            bySplit.forEach(list -> list.forEach(s -> present[s.split().ordinal()] = true));
            images.add(load(name, bySplit, location));
        }
        for (int c = 0; c < classes.size(); c++) {
            if (images.get(c).get(Split.TRAIN).isEmpty()) {
                String name = classes.names().get(c);
                throw new DatasetException("class '" + name + "' has no training images in "
                        + catalog.classLocations().getOrDefault(ClassSelection.key(name), where));
            }
        }
        if (!spec.allowances().allowMissingClasses()) {
            for (Split split : List.of(Split.VALIDATION, Split.TEST)) {
                if (present[split.ordinal()]) requireEveryClassIn(split, classes, candidates, catalog);
            }
        }
        if (!present[Split.TEST.ordinal()]) {
            images.forEach(ci -> holdOut(ci, Split.TEST));
        }
        if (!present[Split.VALIDATION.ordinal()]) {
            images.forEach(ci -> holdOut(ci, Split.VALIDATION));
        }
        ImageSet train = assemble(images, Split.TRAIN);
        float[] meanStd = meanAndStd(train);
        return new PreparedDataset(spec.name(), classes.names(), train, assemble(images, Split.VALIDATION),
                assemble(images, Split.TEST), meanStd[0], meanStd[1], skipped);
    }

    /**
     * A split the dataset brings must hold every class: a class without test images would count 0 in the macro
     * recall and F1 (and a class folder reached through a link often has no validation or test twin).
     */
    private void requireEveryClassIn(Split split, ClassSelection classes, List<List<List<Sample>>> candidates,
                                     Catalog catalog) {
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (candidates.get(c).get(split.ordinal()).isEmpty()) missing.add(classes.names().get(c));
        }
        if (missing.isEmpty()) return;
        throw new DatasetException("the dataset's " + split.id() + " split has no images of class"
                + (missing.size() == 1 ? " '" : "es '") + String.join("', '", missing) + "' (looked in "
                + catalog.classLocations().getOrDefault(ClassSelection.key(missing.get(0)), where) + "); such a "
                + "class would count 0 in the macro recall and F1. Add its images, select the other classes with "
                + "'classes:', or set 'allow_missing_classes: true' on the dataset");
    }

    /** Candidates per selected class and split, sorted by origin so that listing order never matters. */
    private static List<List<List<Sample>>> group(Catalog catalog, ClassSelection classes) {
        List<List<List<Sample>>> groups = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<List<Sample>> bySplit = new ArrayList<>();
            for (int s = 0; s < Split.values().length; s++) {
                bySplit.add(new ArrayList<>());
            }
            groups.add(bySplit);
        }
        for (Sample sample : catalog.samples()) {
            int c = classes.indexOf(sample.className());
            if (c >= 0) {
                groups.get(c).get(sample.split().ordinal()).add(sample);
            }
        }
        groups.forEach(bySplit -> bySplit.forEach(list -> list.sort(Comparator.comparing(Sample::origin))));
        return groups;
    }

    /** Chooses (under the cap) and decodes a class's images; unusable ones are skipped and replaced if possible. */
    private ClassImages load(String name, List<List<Sample>> bySplit, String location) {
        int[] sizes = bySplit.stream().mapToInt(List::size).toArray();
        int[] quota = spec.imagesPerClass() == null ? sizes : Stratified.allocate(spec.imagesPerClass(), sizes);
        List<List<Decoded>> decoded = new ArrayList<>();
        int skippedBefore = skipped.size();
        for (Split split : Split.values()) {
            List<Sample> order = Stratified.shuffled(bySplit.get(split.ordinal()), spec.seed(),
                    "choose", ClassSelection.key(name), split.id());
            decoded.add(decodeUntil(order, quota[split.ordinal()]));
        }
        ClassImages result = new ClassImages(decoded);
        if (result.total() == 0) {
            throw new DatasetException("class '" + name + "' has no usable images in " + location + ": all "
                    + (skipped.size() - skippedBefore) + " were skipped, the first because " + skipped.get(skippedBefore));
        }
        return result;
    }

    /** Decodes candidates in order until {@code quota} images are usable; each batch is decoded in parallel. */
    private List<Decoded> decodeUntil(List<Sample> candidates, int quota) {
        List<Decoded> out = new ArrayList<>(quota);
        int next = 0;
        while (out.size() < quota && next < candidates.size()) {
            int batch = Math.min(candidates.size() - next, quota - out.size());
            Object[] results = new Object[batch];
            int from = next;
            IntStream.range(0, batch).parallel().forEach(i -> results[i] = decode(candidates.get(from + i)));
            for (Object result : results) {
                if (result instanceof Decoded image) {
                    out.add(image);
                } else {
                    skipped.add((String) result);
                }
            }
            next += batch;
        }
        return out;
    }

    /** The image as stored bytes with its origin, or the skip message. */
    private Object decode(Sample sample) {
        try {
            Raster raster = sample.loader().load(spec.channels());
            return new Decoded(Resampler.resize(raster, spec.imageSize(), spec.imageSize()).toBytes(),
                    new ImageOrigin(sample.origin(), raster.width(), raster.height()));
        } catch (UnusableImageException e) {
            return sample.origin() + ": " + e.getMessage();
        }
    }

    /** Moves 20 % of the class's training images (the first in their seeded order) to {@code split}. */
    private static void holdOut(ClassImages images, Split split) {
        List<Decoded> train = images.get(Split.TRAIN);
        int count = Stratified.holdOutCount(train.size());
        List<Decoded> moved = new ArrayList<>(train.subList(0, count));
        train.subList(0, count).clear();
        images.get(split).addAll(moved);
    }

    /** One split of all classes, in a seeded order that interleaves the classes. */
    private ImageSet assemble(List<ClassImages> images, Split split) {
        record Item(int label, Decoded image) {
        }
        List<Item> items = new ArrayList<>();
        for (int c = 0; c < images.size(); c++) {
            for (Decoded image : images.get(c).get(split)) {
                items.add(new Item(c, image));
            }
        }
        items = Stratified.shuffled(items, spec.seed(), "order", split.id());
        int length = spec.channels() * spec.imageSize() * spec.imageSize();
        long total = (long) items.size() * length;
        if (total > Integer.MAX_VALUE - 8) {
            throw new DatasetException(where + ": the " + split.id() + " split would hold " + items.size()
                    + " images of " + length + " bytes, more than one array can; lower images_per_class or "
                    + "image_size, or use grayscale");
        }
        byte[] pixels = new byte[(int) total];
        int[] labels = new int[items.size()];
        List<ImageOrigin> origins = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            labels[i] = items.get(i).label();
            System.arraycopy(items.get(i).image().pixels(), 0, pixels, i * length, length);
            origins.add(items.get(i).image().origin());
        }
        return new ImageSet(pixels, labels, spec.channels(), spec.imageSize(), spec.imageSize(), origins);
    }

    /**
     * Mean and population standard deviation of the training pixels on the 0..1 scale. A constant training split gets
     * standard deviation 1 so that normalising never divides by zero.
     */
    static float[] meanAndStd(ImageSet train) {
        PixelMoments moments = new PixelMoments();
        moments.add(train.pixels(), 0, train.pixels().length);
        double std = moments.std();
        return new float[] {(float) moments.mean(), std > 0 ? (float) std : 1f};
    }
}
