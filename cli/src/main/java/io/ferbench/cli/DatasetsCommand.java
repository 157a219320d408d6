package io.ferbench.cli;

import io.ferbench.api.data.DatasetKind;
import io.ferbench.api.data.DatasetKinds;
import io.ferbench.worker.audit.AuditFiles;
import io.ferbench.worker.audit.AuditOptions;
import io.ferbench.worker.audit.AuditReport;
import io.ferbench.worker.audit.DatasetAudit;
import io.ferbench.worker.data.DatasetStats;
import io.ferbench.worker.data.Datasets;
import io.ferbench.worker.data.PreparedDataset;
import io.ferbench.worker.data.SyntheticFaces;
import io.ferbench.worker.env.CacheDirectory;
import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.suite.SuitePlan;
import io.ferbench.suite.Suites;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        subcommands = {DatasetsCommand.Stats.class, DatasetsCommand.Audit.class, DatasetsCommand.Generate.class})
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
            PreparedDataset prepared = prepare(ds, dataRoot());
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
            return datasetOf(Suites.plan(suite), suite, dataset);
        }

        private DatasetSpec fromArgument() {
            int colon = dataset.indexOf(':');
            String kind = colon < 0 ? dataset : dataset.substring(0, colon);
            String path = colon < 0 ? null : dataset.substring(colon + 1);
            DatasetKind declared = DatasetKinds.find(kind).orElseThrow(() -> new IllegalArgumentException(
                    "unknown dataset kind '" + kind + "' in '" + dataset + "'; valid: " + String.join(", ",
                    DatasetKinds.all().stream().map(k -> k.requiredKeys().contains("path")
                            ? k.id() + (k.pathIsFolder() ? ":DIR" : ":FILE") : k.id()).toList())));
            if (declared.requiredKeys().contains("path") && (path == null || path.isBlank())) {
                throw new IllegalArgumentException("dataset kind '" + kind + "' needs a path: " + kind + ":PATH");
            }
            String name = colon < 0 ? kind : Path.of(path).getFileName().toString();
            return new DatasetSpec(name, kind, path, null, classes, imagesPerClass, size, !rgb, minConfidence, seed);
        }

        private Path dataRoot() {
            return DatasetsCommand.dataRoot(dataRoot);
        }

        private static String fmt(double v) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
        }
    }

    /** The dataset {@code name} of a planned suite; the error lists the datasets it defines. */
    static DatasetSpec datasetOf(SuitePlan plan, Path suite, String name) {
        DatasetSpec ds = plan.datasets().get(name);
        if (ds == null) {
            throw new IllegalArgumentException(suite + " defines no dataset '" + name + "' (it defines: "
                    + String.join(", ", plan.datasets().keySet()) + ")");
        }
        return ds;
    }

    /** {@code --data-root}, else {@code $FERBENCH_DATA}, else the current folder. */
    static Path dataRoot(Path option) {
        if (option != null) return option;
        String env = System.getenv(Datasets.DATA_ROOT_VARIABLE);
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("");
    }

    /** The dataset prepared as a run prepares it, through the same cache. */
    static PreparedDataset prepare(DatasetSpec spec, Path dataRoot) {
        return Datasets.prepare(spec, dataRoot, CacheDirectory.fromEnvironment().root().resolve("datasets"));
    }

    /**
     * Exact and near duplicates, label conflicts, degenerate images and class balance, within and across the splits
     * that the cells will see.
     */
    @Command(name = "audit", description = {
            "Audit a suite's dataset as the cells will see it (after class selection, caps and splits): exact "
                    + "duplicates (identical pixels), near duplicates (difference hash), label conflicts, degenerate "
                    + "images, odd sizes, unreadable files and class balance, within and across splits.",
            "Writes OUT/<dataset>/audit.csv (one row per image of a finding) and audit.json."})
    static final class Audit implements Callable<Integer> {
        @Parameters(paramLabel = "DATASET", arity = "0..1", description = "a dataset the suite defines")
        String dataset;

        @Option(names = "--suite", required = true, paramLabel = "FILE", description = "the suite that defines it")
        Path suite;

        @Option(names = "--all", description = "audit every dataset of the suite")
        boolean all;

        @Option(names = "--data-root", paramLabel = "DIR",
                description = "where relative dataset paths start (default: $FERBENCH_DATA, else the current folder)")
        Path dataRoot;

        @Option(names = "--near-threshold", paramLabel = "BITS", defaultValue = "" + AuditOptions.DEFAULT_NEAR_THRESHOLD,
                description = "largest Hamming distance of two 64-bit difference hashes for near duplicates, 0-"
                        + AuditOptions.MAX_NEAR_THRESHOLD + " (default: ${DEFAULT-VALUE})")
        int nearThreshold;

        @Option(names = "--near-correlation", paramLabel = "R",
                defaultValue = "" + AuditOptions.DEFAULT_NEAR_CORRELATION,
                description = "smallest correlation of two images' 16x16 thumbnails that confirms a near duplicate "
                        + "(default: ${DEFAULT-VALUE})")
        double nearCorrelation;

        @Option(names = "--degenerate-std", paramLabel = "STD", defaultValue = "" + AuditOptions.DEFAULT_DEGENERATE_STD,
                description = "images whose pixel standard deviation (0-255) is below this are degenerate "
                        + "(default: ${DEFAULT-VALUE})")
        double degenerateStd;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = "audit",
                description = "folder for <dataset>/audit.csv and audit.json (default: ${DEFAULT-VALUE})")
        Path out;

        @Spec CommandSpec spec;

        @Override public Integer call() throws IOException {
            if (all == (dataset != null)) {
                throw new IllegalArgumentException("name one DATASET of the suite, or give --all");
            }
            AuditOptions options = new AuditOptions(nearThreshold, nearCorrelation, degenerateStd);
            SuitePlan plan = Suites.plan(suite);
            List<String> names = all ? List.copyOf(plan.datasets().keySet()) : List.of(dataset);
            var console = spec.commandLine().getOut();
            for (String name : names) {
                DatasetSpec ds = datasetOf(plan, suite, name);
                AuditReport report = DatasetAudit.run(prepare(ds, dataRoot(dataRoot)), options);
                Path folder = out.resolve(name);
                Files.createDirectories(folder);
                AuditFiles.write(report, folder);
                print(console, report, ds);
                console.printf("Files: %s, %s%n%n", folder.resolve(AuditFiles.CSV), folder.resolve(AuditFiles.JSON));
            }
            return 0;
        }

        private static void print(PrintWriter out, AuditReport report, DatasetSpec ds) {
            int images = report.classBalance().values().stream().mapToInt(c -> Arrays.stream(c).sum()).sum();
            out.printf("dataset '%s': %d images, %d classes, %dx%d; audited in %.1f s (near duplicates: <= %d bits "
                            + "of 64 and correlation >= %s; degenerate: pixel std < %s)%n", report.dataset(), images,
                    report.classNames().size(), ds.imageSize(), ds.imageSize(), report.seconds(),
                    report.options().nearThreshold(), report.options().nearCorrelation(),
                    report.options().degenerateStd());
            AuditReport.Leaks leaks = report.leaks();
            out.printf("leakage into test: %d exact groups (%d images), %d near-duplicate groups (%d images), "
                    + "%d of them label conflicts%n", leaks.exactGroups(), leaks.exactImages(), leaks.nearGroups(),
                    leaks.nearImages(), leaks.labelConflicts());
            List<List<String>> rows = new ArrayList<>();
            for (AuditReport.SummaryRow r : report.summary()) {
                rows.add(List.of(r.kind().id(), r.splits(), Integer.toString(r.groups()), Integer.toString(r.images())));
            }
            if (rows.isEmpty()) out.println("no findings");
            else Rows.print(out, OutputFormat.table, List.of("finding", "splits", "groups", "images"), rows);
            List<List<String>> balance = new ArrayList<>();
            report.classBalance().forEach((split, counts) -> {
                List<String> row = new ArrayList<>(List.of(split));
                for (int c : counts) row.add(Integer.toString(c));
                balance.add(row);
            });
            List<String> header = new ArrayList<>(List.of("split"));
            header.addAll(report.classNames());
            out.println();
            Rows.print(out, OutputFormat.table, header, balance);
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
