package io.ferbench.core.data;

import io.ferbench.core.suite.DatasetSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Prepares the datasets that suites declare. */
public final class Datasets {
    /** The dataset kinds {@link #prepare} understands. */
    public static final List<String> KINDS = List.of("synthetic", "folder", "fer2013-csv", "labels-csv");
    /** Largest accepted {@code image_size}. */
    public static final int MAX_IMAGE_SIZE = 4096;

    /** Number of datasets built from their source (cache misses) in this JVM; tests read it. */
    static final AtomicLong BUILDS = new AtomicLong();

    private Datasets() {
    }

    /**
     * Loads (or takes from the on-disk cache), filters, resizes, splits and computes train mean/std.
     *
     * <p>Relative {@code path} and {@code root} are resolved against {@code dataRoot}. The cache entry is keyed by the
     * kind, the source's absolute path and the sizes and modification times of its files, every option of the spec
     * and the cache format version, so a changed source or option is rebuilt and an unchanged one costs no decoding.
     *
     * @param dataRoot base of relative dataset paths; null for the working directory
     * @param cacheDir folder for prepared tensors, created if needed; null to disable caching
     * @throws DatasetException naming the file, folder or line at fault and what was expected
     */
    public static PreparedDataset prepare(DatasetSpec spec, Path dataRoot, Path cacheDir) {
        validate(spec);
        Path base = dataRoot == null ? Path.of("") : dataRoot;
        DatasetSource source = source(spec, base);
        String where = "dataset '" + spec.name() + "' (" + spec.kind()
                + (spec.path() == null ? "" : " " + base.resolve(spec.path()).toAbsolutePath().normalize()) + ")";
        if (cacheDir == null) {
            return build(spec, source, where);
        }
        CacheKey key = new CacheKey().add("format", DatasetCache.FORMAT_VERSION).add("kind", spec.kind())
                .add("classes", spec.classes()).add("imagesPerClass", spec.imagesPerClass())
                .add("imageSize", spec.imageSize()).add("grayscale", spec.grayscale())
                .add("minConfidence", spec.minConfidence()).add("seed", spec.seed());
        source.fingerprint(key);
        Path file = DatasetCache.file(cacheDir, spec.kind(), key.hex());
        Optional<PreparedDataset> cached = DatasetCache.read(file, spec.name());
        if (cached.isPresent()) {
            return cached.get();
        }
        PreparedDataset dataset = build(spec, source, where);
        DatasetCache.write(file, dataset);
        return dataset;
    }

    private static PreparedDataset build(DatasetSpec spec, DatasetSource source, String where) {
        BUILDS.incrementAndGet();
        return DatasetBuilder.build(spec, source, where);
    }

    private static DatasetSource source(DatasetSpec spec, Path base) {
        return switch (spec.kind()) {
            case "synthetic" -> new SyntheticSource(spec.imagesPerClass(), spec.imageSize(), spec.seed());
            case "folder" -> new FolderSource(base.resolve(requirePath(spec)));
            case "fer2013-csv" -> new Fer2013CsvSource(base.resolve(requirePath(spec)));
            case "labels-csv" -> new LabelsCsvSource(base.resolve(requirePath(spec)),
                    spec.root() == null ? null : base.resolve(spec.root()), spec.minConfidence());
            default -> throw new DatasetException("dataset '" + spec.name() + "': kind '" + spec.kind()
                    + "' is not one of " + String.join(", ", KINDS));
        };
    }

    private static String requirePath(DatasetSpec spec) {
        if (spec.path() == null || spec.path().isBlank()) {
            throw new DatasetException("dataset '" + spec.name() + "' of kind '" + spec.kind() + "' needs a path");
        }
        return spec.path();
    }

    private static void validate(DatasetSpec spec) {
        if (spec.kind() == null) {
            throw new DatasetException("dataset '" + spec.name() + "' has no kind; expected one of " + String.join(", ", KINDS));
        }
        if (spec.imageSize() < 1 || spec.imageSize() > MAX_IMAGE_SIZE) {
            throw new DatasetException("dataset '" + spec.name() + "': image_size " + spec.imageSize()
                    + " is outside 1.." + MAX_IMAGE_SIZE);
        }
        if (spec.imagesPerClass() != null && spec.imagesPerClass() < 1) {
            throw new DatasetException("dataset '" + spec.name() + "': images_per_class must be at least 1, not "
                    + spec.imagesPerClass());
        }
        if (spec.minConfidence() != null && !"labels-csv".equals(spec.kind())) {
            throw new DatasetException("dataset '" + spec.name() + "': min_confidence applies only to kind labels-csv");
        }
    }
}
