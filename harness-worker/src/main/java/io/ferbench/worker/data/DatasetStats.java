package io.ferbench.worker.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-class image counts and pixel statistics of a prepared dataset, over all splits together and per split: the
 * study's Figures 2–3 (mean and standard deviation per class). Values are on the 0..1 scale, population standard
 * deviation over all pixels of the class's images; NaN for a class with no images in a split.
 *
 * @param parts {@code all}, then {@code train}, {@code validation}, {@code test}
 */
public record DatasetStats(String dataset, List<String> classNames, List<Part> parts) {
    /** Statistics of one part (all splits, or one split). */
    public record Part(String name, int count, double mean, double std, List<ClassStats> perClass) {
        public Part {
            perClass = List.copyOf(perClass);
        }
    }

    /** Statistics of one class within a part. */
    public record ClassStats(String className, int count, double mean, double std) {
    }

    public DatasetStats {
        classNames = List.copyOf(classNames);
        parts = List.copyOf(parts);
    }

    public static DatasetStats of(PreparedDataset dataset) {
        int k = dataset.numClasses();
        PixelMoments[] allByClass = moments(k);
        int[] allCounts = new int[k];
        PixelMoments all = new PixelMoments();
        List<Part> splits = new ArrayList<>();
        for (Split split : Split.values()) {
            ImageSet set = switch (split) {
                case TRAIN -> dataset.train();
                case VALIDATION -> dataset.validation();
                case TEST -> dataset.test();
            };
            PixelMoments[] byClass = moments(k);
            int[] counts = new int[k];
            PixelMoments total = new PixelMoments();
            int length = set.imageLength();
            for (int i = 0; i < set.size(); i++) {
                int label = set.labels()[i];
                for (PixelMoments m : new PixelMoments[] {byClass[label], allByClass[label], total, all}) {
                    m.add(set.pixels(), i * length, length);
                }
                counts[label]++;
                allCounts[label]++;
            }
            splits.add(part(split.id(), set.size(), total, dataset.classNames(), counts, byClass));
        }
        List<Part> parts = new ArrayList<>();
        parts.add(part("all", Arrays.stream(allCounts).sum(), all,
                dataset.classNames(), allCounts, allByClass));
        parts.addAll(splits);
        return new DatasetStats(dataset.name(), dataset.classNames(), parts);
    }

    /** The part named {@code all}, {@code train}, {@code validation} or {@code test}. */
    public Part part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no part '" + name + "'; parts are all, train, validation, test"));
    }

    private static Part part(String name, int count, PixelMoments total, List<String> classNames, int[] counts,
                             PixelMoments[] byClass) {
        List<ClassStats> perClass = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            perClass.add(new ClassStats(classNames.get(c), counts[c], byClass[c].mean(), byClass[c].std()));
        }
        return new Part(name, count, total.mean(), total.std(), perClass);
    }

    private static PixelMoments[] moments(int n) {
        PixelMoments[] m = new PixelMoments[n];
        for (int i = 0; i < n; i++) {
            m[i] = new PixelMoments();
        }
        return m;
    }
}
