package io.ferbench.cli;

import io.ferbench.core.data.DatasetStats;
import io.ferbench.core.data.Datasets;
import io.ferbench.core.data.PreparedDataset;
import io.ferbench.core.data.SyntheticFaces;
import io.ferbench.core.env.CacheDirectory;
import io.ferbench.core.suite.DatasetSpec;
import io.ferbench.core.suite.SuitePlan;
import io.ferbench.core.suite.Suites;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ferbench datasets ...}: look at a dataset before training on it. */
@Command(name = "datasets", description = "Inspect datasets and write the synthetic one to disk.",
        subcommands = {DatasetsCommand.Stats.class, DatasetsCommand.Generate.class})
final class DatasetsCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Per-class counts, mean and standard deviation (the study's Figures 2–3). */
    @Command(name = "stats", description = {
            "Per-class image counts and pixel mean/std (0..1 scale) over all splits and per split.",
            "DATASET is `synthetic`, KIND:PATH (folder:DIR, fer2013-csv:FILE, labels-csv:FILE) or, with --suite, "
                    + "the name of a dataset the suite defines."})
    static final class Stats implements Callable<Integer> {
        @Parameters(paramLabel = "DATASET") String dataset;

        @Option(names = "--suite", paramLabel = "FILE", description = "take DATASET's definition from this suite")
        Path suite;

        @Option(names = "--classes", split = ",", paramLabel = "NAME", description = "class subset, by name")
        List<String> classes = List.of();

        @Option(names = "--images-per-class", paramLabel = "N", description = "cap per class")
        Integer imagesPerClass;

        @Option(names = "--size", defaultValue = "48", description = "resize to SIZE×SIZE (default: ${DEFAULT-VALUE})")
        int size;

        @Option(names = "--rgb", description = "keep three channels (default: grayscale, as the study)")
        boolean rgb;

        @Option(names = "--min-confidence", description = "labels-csv: drop rows below this confidence")
        Double minConfidence;

        @Option(names = "--seed", defaultValue = "0", description = "splits and synthetic drawing (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--data-root", paramLabel = "DIR",
                description = "where relative dataset paths start (default: $FERBENCH_DATA, else the current folder)")
        Path dataRoot;

        @Option(names = "--format", defaultValue = "table", description = "table or csv (default: ${DEFAULT-VALUE})")
        OutputFormat format;

        @Spec CommandSpec spec;

        @Override public Integer call() {
            DatasetSpec ds = suite != null ? fromSuite() : fromArgument();
            PreparedDataset prepared = Datasets.prepare(ds, dataRoot(), CacheDirectory.fromEnvironment().root().resolve("datasets"));
            DatasetStats stats = DatasetStats.of(prepared);
            List<List<String>> rows = new ArrayList<>();
            for (DatasetStats.Part part : stats.parts()) {
                for (DatasetStats.ClassStats c : part.perClass()) {
                    rows.add(List.of(part.name(), c.className(), Integer.toString(c.count()), fmt(c.mean()), fmt(c.std())));
                }
                rows.add(List.of(part.name(), "(all)", Integer.toString(part.count()), fmt(part.mean()), fmt(part.std())));
            }
            var out = spec.commandLine().getOut();
            if (format == OutputFormat.table) {
                out.printf("dataset '%s': %d classes, %dx%d, %d channel%s%n", prepared.name(), prepared.numClasses(),
                        ds.imageSize(), ds.imageSize(), ds.channels(), ds.channels() == 1 ? "" : "s");
                if (!prepared.skipped().isEmpty()) {
                    out.printf("skipped %d file(s):%n", prepared.skipped().size());
                    prepared.skipped().stream().limit(20).forEach(s -> out.println("  " + s));
                }
            }
            Rows.print(out, format, List.of("split", "class", "count", "mean", "std"), rows);
            return 0;
        }

        private DatasetSpec fromSuite() {
            SuitePlan plan = Suites.plan(suite);
            DatasetSpec ds = plan.datasets().get(dataset);
            if (ds == null) {
                throw new IllegalArgumentException(suite + " defines no dataset '" + dataset + "' (it defines: "
                        + String.join(", ", plan.datasets().keySet()) + ")");
            }
            return ds;
        }

        private DatasetSpec fromArgument() {
            int colon = dataset.indexOf(':');
            String kind = colon < 0 ? dataset : dataset.substring(0, colon);
            String path = colon < 0 ? null : dataset.substring(colon + 1);
            if (!Datasets.KINDS.contains(kind)) {
                throw new IllegalArgumentException("unknown dataset kind '" + kind + "' in '" + dataset
                        + "'; valid: synthetic, folder:DIR, fer2013-csv:FILE, labels-csv:FILE");
            }
            if (!kind.equals("synthetic") && (path == null || path.isBlank())) {
                throw new IllegalArgumentException("dataset kind '" + kind + "' needs a path: " + kind + ":PATH");
            }
            String name = colon < 0 ? kind : Path.of(path).getFileName().toString();
            return new DatasetSpec(name, kind, path, null, classes, imagesPerClass, size, !rgb, minConfidence, seed);
        }

        private Path dataRoot() {
            if (dataRoot != null) return dataRoot;
            String env = System.getenv("FERBENCH_DATA");
            return env != null && !env.isBlank() ? Path.of(env) : Path.of("");
        }

        private static String fmt(double v) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
        }
    }

    /** Writes the synthetic faces as PNG files in Kaggle's FER2013 layout. */
    @Command(name = "generate", description = "Write the synthetic faces as PNGs in Kaggle's FER2013 layout "
            + "(OUT/train/<class>/, OUT/test/<class>/), usable as a `folder` dataset.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "DIR") Path out;

        @Option(names = "--images-per-class", defaultValue = "300", description = "train + test (default: ${DEFAULT-VALUE})")
        int imagesPerClass;

        @Option(names = "--size", defaultValue = "48", description = "image size (default: ${DEFAULT-VALUE})")
        int size;

        @Option(names = "--seed", defaultValue = "0", description = "(default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--classes", split = ",", paramLabel = "NAME",
                description = "subset of angry, disgust, fear, happy, neutral, sad, surprise")
        List<String> classes = List.of();

        @Spec CommandSpec spec;

        @Override public Integer call() {
            if (size < 8 || size > Datasets.MAX_IMAGE_SIZE) {
                throw new IllegalArgumentException("--size must be between 8 and " + Datasets.MAX_IMAGE_SIZE + ", not " + size);
            }
            int n = SyntheticFaces.writeKaggleLayout(out, classes, imagesPerClass, size, seed);
            spec.commandLine().getOut().printf("wrote %d images to %s (train/ and test/, one folder per class)%n", n, out);
            return 0;
        }
    }
}
