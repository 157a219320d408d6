package io.ferbench.worker.data;

import io.ferbench.api.data.DatasetKinds;
import io.ferbench.api.cell.DatasetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Prepares the datasets that suites declare. */
public final class Datasets {
    /** The dataset kinds {@link #prepare} understands. */
    /** The ids of the dataset kinds the worker can read. */
    public static List<String> kinds() {
        return readers().stream().map(DatasetReader::id).toList();
    }

    /** The kinds found on the classpath ({@link DatasetKinds}, loaded once) that this worker can read. */
    private static List<DatasetReader> readers() {
        return DatasetKinds.all().stream().filter(DatasetReader.class::isInstance).map(DatasetReader.class::cast)
                .toList();
    }

    private static Optional<DatasetReader> reader(String kind) {
        return readers().stream().filter(r -> r.id().equals(kind)).findFirst();
    }
    /** The variable that sets the data root when {@code --data-root} is not given. */
    public static final String DATA_ROOT_VARIABLE = "FERBENCH_DATA";
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
        Optional<String> missing = checkAvailable(spec, dataRoot);
        if (missing.isPresent()) {
            throw new DatasetException(missing.get());
        }
        Path base = dataRoot == null ? Path.of("") : dataRoot;
        DatasetSource source = source(spec, base);
        String where = "dataset '" + spec.name() + "' (" + spec.kind()
                + (spec.path() == null ? "" : " " + base.resolve(spec.path()).toAbsolutePath().normalize()) + ")";
        PreparedDataset dataset = cacheDir == null ? build(spec, source, where) : cached(spec, source, where, cacheDir);
        checkClassCount(spec, dataset, where);
        return dataset;
    }

    /**
     * Whether the dataset's files are where the suite says, without reading them: a run checks every dataset first, so
     * a missing download is reported once, before any cell starts.
     *
     * @return empty when the path exists (or the kind needs none); otherwise what is missing, the layout the kind
     *         expects there, and the suite's {@code download} hint
     */
    public static Optional<String> checkAvailable(DatasetSpec spec, Path dataRoot) {
        Optional<DatasetReader> reader = reader(spec.kind());
        if (spec.path() == null || spec.path().isBlank() || reader.isEmpty() || reader.get().expectedLayout() == null) {
            return Optional.empty();  // a kind without files, or a spec that prepare rejects with its own message
        }
        Path base = dataRoot == null ? Path.of("") : dataRoot;
        Path path = base.resolve(spec.path()).toAbsolutePath().normalize();
        boolean folder = reader.get().pathIsFolder();
        if (folder ? Files.isDirectory(path) : Files.isRegularFile(path)) {
            return Optional.empty();
        }
        String what = Files.exists(path) ? (folder ? " is a file, not a folder" : " is not a file") : " does not exist";
        return Optional.of("dataset '" + spec.name() + "' (kind " + spec.kind() + "): " + path + what
                + "; expected there " + reader.get().expectedLayout()
                + (spec.download() == null ? "" : ". Get it: " + spec.download())
                + ". Relative paths start at the data root " + base.toAbsolutePath().normalize()
                + " (set it with --data-root or " + DATA_ROOT_VARIABLE + ")");
    }

    /** A suite's {@code class_count} must match the classes found. */
    private static void checkClassCount(DatasetSpec spec, PreparedDataset dataset, String where) {
        if (spec.classCount() != null && spec.classCount() != dataset.numClasses()) {
            throw new DatasetException(where + " has " + dataset.numClasses() + " classes (" + String.join(", ",
                    dataset.classNames()) + ") but the suite says class_count: " + spec.classCount()
                    + "; check the download, or name the classes to use with 'classes'");
        }
    }

    /**
     * The file the prepared dataset is (or will be) cached in, keyed as {@link #prepare} keys it: files derived from
     * the prepared dataset (its audit) are kept beside it and are rebuilt whenever it is.
     */
    public static Path cacheFile(DatasetSpec spec, Path dataRoot, Path cacheDir) {
        validate(spec);
        Path base = dataRoot == null ? Path.of("") : dataRoot;
        return cacheFile(spec, source(spec, base), cacheDir);
    }

    /**
     * A digest of the dataset's files as the data root holds them now (each file's path, size and modification time;
     * the synthetic kind's generator settings): it changes when a file is added, removed, replaced or edited.
     */
    public static String inputDigest(DatasetSpec spec, Path dataRoot) {
        validate(spec);
        CacheKey key = new CacheKey().add("kind", spec.kind());
        source(spec, dataRoot == null ? Path.of("") : dataRoot).fingerprint(key);
        return key.hex();
    }

    private static Path cacheFile(DatasetSpec spec, DatasetSource source, Path cacheDir) {
        CacheKey key = new CacheKey().add("format", DatasetCache.FORMAT_VERSION).add("kind", spec.kind())
                .add("classes", spec.classes()).add("imagesPerClass", spec.imagesPerClass())
                .add("imageSize", spec.imageSize()).add("grayscale", spec.grayscale())
                .add("minConfidence", spec.minConfidence()).add("seed", spec.seed());
        source.fingerprint(key);
        return DatasetCache.file(cacheDir, spec.kind(), key.hex());
    }

    private static PreparedDataset cached(DatasetSpec spec, DatasetSource source, String where, Path cacheDir) {
        Path file = cacheFile(spec, source, cacheDir);
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
        return reader(spec.kind()).orElseThrow(() -> new DatasetException("dataset '" + spec.name() + "': kind '"
                + spec.kind() + "' is not one of " + String.join(", ", kinds()))).open(spec, base);
    }

    private static void validate(DatasetSpec spec) {
        if (spec.kind() == null) {
            throw new DatasetException("dataset '" + spec.name() + "' has no kind; expected one of "
                    + String.join(", ", kinds()));
        }
        if (spec.imageSize() < 1 || spec.imageSize() > MAX_IMAGE_SIZE) {
            throw new DatasetException("dataset '" + spec.name() + "': image_size " + spec.imageSize()
                    + " is outside 1.." + MAX_IMAGE_SIZE);
        }
        if (spec.imagesPerClass() != null && spec.imagesPerClass() < 1) {
            throw new DatasetException("dataset '" + spec.name() + "': images_per_class must be at least 1, not "
                    + spec.imagesPerClass());
        }
        if (spec.minConfidence() != null && reader(spec.kind()).filter(r -> r.allowedKeys().contains("min_confidence"))
                .isEmpty()) {
            List<String> takers = readers().stream().filter(r -> r.allowedKeys().contains("min_confidence"))
                    .map(DatasetReader::id).toList();
            throw new DatasetException("dataset '" + spec.name() + "': min_confidence applies only to kind"
                    + (takers.size() == 1 ? " " : "s ") + String.join(", ", takers));
        }
    }
}
