package io.ferbench.cli;

import io.ferbench.worker.env.CacheDirectory;
import io.ferbench.worker.peak.PeakCache;
import io.ferbench.runner.ConsoleProgress;
import io.ferbench.runner.Coordinator;
import io.ferbench.runner.PlanSelection;
import io.ferbench.runner.Preflight;
import io.ferbench.worker.RunLayout;
import io.ferbench.runner.RunFolderLock;
import io.ferbench.runner.RunOptions;
import io.ferbench.runner.RunRefusedException;
import io.ferbench.runner.RunFolders;
import io.ferbench.runner.RunSummary;
import io.ferbench.runner.WeightsRetention;
import io.ferbench.runner.WorkerClasspath;
import io.ferbench.runner.smoke.SmokePlan;
import io.ferbench.study.AnalysisListener;
import io.ferbench.suite.SuiteException;
import io.ferbench.suite.SuitePlan;
import io.ferbench.suite.Suites;
import io.ferbench.worker.train.InferenceSettings;
import io.ferbench.reports.ReportingListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferbench run SUITE}: runs every cell of a suite, each in its own worker JVM, and writes the
 * results under {@code <out>/<suite name>/}. Exit status: 0 when every cell is ok, 1 when some cell
 * failed or diverged, 2 for invalid input (suite file, options, or a results folder that already
 * holds a previous run), 130 when interrupted.
 */
@Command(name = "run",
        description = {"Runs a suite: trains and evaluates every cell, each in its own worker JVM, and writes "
                + "results.csv, results.json, history.csv, one result.json per cell and report.html to "
                + "OUT/<suite name>/.",
                "A folder that already holds results is never overwritten: use --resume to finish that run, "
                        + "--force to move it aside and start afresh, or another --out."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every cell ok", "1:some cell failed or diverged, or a file of the run could not be written",
                "2:invalid input (also: the results folder is in use by another run)",
                "130:interrupted (finished cells are kept; --resume continues)"})
public final class RunCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int SOME_CELLS_NOT_OK = 1;
    static final int INVALID_INPUT = 2;
    static final int INTERRUPTED = 130;

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SUITE", description = "the suite file (YAML)")
    Path suite;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
            description = "results go to DIR/<suite name>/ (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--resume",
            description = "keep the ok and diverged cells of the previous run in that folder; run the missing and "
                    + "failed ones")
    boolean resume;

    @Option(names = "--rerun", paramLabel = "CELL_ID|failed", split = ",",
            description = "with --resume: run these finished cells again (ids as `ferbench plan` lists them), or "
                    + "'failed' for every cell that did not end ok, diverged ones included")
    List<String> rerun;

    @Option(names = "--force",
            description = "start a fresh run in a folder that holds one: the previous run folder is moved aside to "
                    + "<suite name>.<UTC time> (never deleted)")
    boolean force;

    @Option(names = "--keep-weights", paramLabel = "WHICH", defaultValue = "sources",
            converter = KeepConverter.class,
            description = "which cells keep weights.safetensors: 'sources' (default: the weights other cells start "
                    + "from), 'best' (also the most accurate cell of each dataset and architecture), 'all', or 'none'")
    WeightsRetention.Keep keepWeights;

    @Mixin MatrixOverrideOptions matrix;

    @Option(names = "--data-root", paramLabel = "DIR",
            description = "folder that datasets' relative paths start from (default: $FERBENCH_DATA, else ./data)")
    Path dataRoot;

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "cache for prepared datasets and native libraries (default: $FERBENCH_CACHE, else "
                    + "~/.cache/ferbench)")
    Path cacheDir;

    @Option(names = "--cell-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "overrides every cell's time limit: 90s, 30m, 2h, 1h30m or plain seconds; 0 for none")
    Duration cellTimeout;

    @Option(names = "--peak-gflops", paramLabel = "GFLOPS",
            description = "the fp32 peak the share of peak is relative to (default: each backend's own matrix "
                    + "product through the faster of its matrix multiply and 1x1 convolution, measured on the cell's "
                    + "device and threads and cached per machine)")
    Double peakGflops;

    @Option(names = "--recalibrate",
            description = "measure the backends' peaks again instead of reading them from the cache")
    boolean recalibrate;

    @Option(names = "--worker-heap", paramLabel = "SIZE",
            description = "-Xmx of each worker JVM, for example 8g (default: a quarter of the memory, 1-16 GiB)")
    String workerHeap;

    @Option(names = "--backends", paramLabel = "IDS", split = ",",
            description = "run only the cells of these backends (comma-separated ids), or 'installed' for every "
                    + "installed one; the other cells are left out and listed")
    List<String> backends;

    @Option(names = "--smoke",
            description = "run the suite at toy scale: synthetic data with each dataset's class count, "
                    + SmokePlan.IMAGE_SIZE + "x" + SmokePlan.IMAGE_SIZE + " pixels, " + SmokePlan.IMAGES_PER_CLASS
                    + " images per class, one epoch, on the installed backends; results go to OUT/<suite name>-smoke/")
    boolean smoke;

    @Option(names = "--smoke-cells", paramLabel = "WHICH", defaultValue = "cover",
            description = "with --smoke: 'cover' (default) runs cells that cover every value of every matrix axis, "
                    + "'all' runs every cell")
    SmokeCells smokeCells;

    @Option(names = {"-q", "--quiet"},
            description = "print only the run's first and last lines, the cells that did not end ok and where the "
                    + "results are")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "also print every training step the workers report and each cell's folder")
    boolean verbose;

    /** Which cells a smoke run runs. */
    enum SmokeCells { cover, all }

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "run N cells at once on this machine, each in its own worker JVM; a cell that leaves "
                    + "threads to the backend gets cores / N of them (default: ${DEFAULT-VALUE}; for machines with "
                    + "many cores, docs/scale-out.md)")
    int parallel;

    @Option(names = "--executor", paramLabel = "WHERE", defaultValue = "local",
            description = "where the cells run: local (default: one after the other here), slurm (a Slurm job "
                    + "array), kubernetes (a Kubernetes Indexed Job); valid: ${COMPLETION-CANDIDATES}. "
                    + "docs/scale-out.md")
    ClusterRun.Executor executor;

    @Option(names = "--dry-run",
            description = "with --executor slurm or kubernetes: stage the run folder and write the job files, "
                    + "submit nothing; the commands to submit and to collect are printed")
    boolean dryRun;

    @Option(names = "--max-parallel", paramLabel = "P",
            description = "with --executor: at most P cells at once (default: no limit)")
    Integer maxParallel;

    @Option(names = "--slurm-option", paramLabel = "OPTION",
            description = "with --executor slurm: a further #SBATCH option, such as partition=gpu or account=lab "
                    + "(repeatable; one naming an option ferbench sets, such as mem=32G, replaces it)")
    List<String> slurmOptions;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "with --executor kubernetes: the container image with ferbench (see the Dockerfile)")
    String image;

    @Option(names = "--pvc", paramLabel = "NAME",
            description = "with --executor kubernetes: the PersistentVolumeClaim that holds the run folder, "
                    + "mounted in every pod at /runs")
    String pvc;

    @Option(names = "--submit",
            description = "with --executor kubernetes: apply the Job with kubectl (without it the manifest is only "
                    + "written)")
    boolean submit;

    /** The word for every installed backend in {@code --backends}. */
    static final String INSTALLED = "installed";

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        SuitePlan plan;
        RunOptions options;
        try {
            options = options();
            PlanSelection selection = select(matrix.plan(suite), options);
            if (!quiet) selection.notes().forEach(note -> stdout.println("Note: " + note));
            plan = selection.plan();
            if (plan.cells().isEmpty()) {
                stderr.println("nothing to run: every cell of the suite was left out (see the notes above)");
                return INVALID_INPUT;
            }
            List<String> missing = smoke ? List.of() : Preflight.problems(plan, options.dataRoot());
            if (!missing.isEmpty()) {
                missing.forEach(stderr::println);
                stderr.println("Nothing was run. Put the data in place (README.md, \"Reproduce the study\"), or try "
                        + "the suite without it: ferbench run --smoke " + suite);
                return INVALID_INPUT;
            }
        } catch (SuiteException | IllegalArgumentException e) {
            stderr.println(e.getMessage());
            return INVALID_INPUT;
        }
        if (recalibrate) {
            if (peakGflops != null) {
                stderr.println("--recalibrate measures the backends' peaks and --peak-gflops gives one: choose one");
                return INVALID_INPUT;
            }
            int removed = PeakCache.clear(options.cache().root());
            if (!quiet) {
                stdout.println("Recalibrating: " + removed + " cached peak(s) removed from "
                        + options.cache().root().resolve(PeakCache.FOLDER)
                        + "; each backend's first cell measures again");
            }
        }
        if (parallel > 1 && executor != ClusterRun.Executor.local) {
            stderr.println("--parallel applies to the local executor; a cluster's parallelism is --max-parallel");
            return INVALID_INPUT;
        }
        if (executor != ClusterRun.Executor.local) {
            return new ClusterRun(this, stdout, stderr).run(plan, options);
        }
        if (dryRun || maxParallel != null || slurmOptions != null || image != null || pvc != null || submit) {
            stderr.println("--dry-run, --max-parallel, --slurm-option, --image, --pvc and --submit apply only with "
                    + "--executor slurm or kubernetes");
            return INVALID_INPUT;
        }
        RerunChoice rerunChoice;
        try {
            rerunChoice = rerun == null ? RerunChoice.none() : RerunChoice.of(rerun, plan);
        } catch (IllegalArgumentException e) {
            stderr.println(e.getMessage());
            return INVALID_INPUT;
        }
        Coordinator coordinator = new Coordinator(options, List.of(ConsoleProgress.forConsole(stdout, verbosity()),
                new ReportingListener(), new AnalysisListener(quiet ? null : stdout), new WeightsRetention(keepWeights),
                new OverridesLog(matrix.overrides()))).rerunning(rerunChoice);
        if (force) {
            RunLayout layout = RunLayout.of(options.outDir(), plan.name());
            try (RunFolderLock free = RunFolderLock.acquire(layout.lockFile(), "a check before --force")) {
                // nobody works in the folder: it may be moved
            } catch (RunRefusedException e) {
                stderr.println(e.getMessage());
                return INVALID_INPUT;
            }
            RunFolders.moveAside(layout.suiteDir(), Instant.now())
                    .ifPresent(aside -> stdout.println("Moved the previous run aside to " + aside));
        }
        RunSummary summary;
        try {
            summary = coordinator.run(plan);
        } catch (RunRefusedException e) {
            stderr.println(e.getMessage());
            return INVALID_INPUT;
        } catch (java.io.UncheckedIOException e) {
            // the run's own files (a full disk): what was written stays, and --resume continues
            stderr.println("error: " + e.getMessage() + "; finished cells are kept, and --resume continues the run");
            return SOME_CELLS_NOT_OK;
        }
        printWhereResultsAre(stdout, summary.layout());
        if (summary.interrupted()) return INTERRUPTED;
        return summary.allOk() && summary.writeErrors().isEmpty() ? OK : SOME_CELLS_NOT_OK;
    }

    private ConsoleProgress.Verbosity verbosity() {
        if (quiet && verbose) throw new IllegalArgumentException("--quiet and --verbose exclude each other");
        return quiet ? ConsoleProgress.Verbosity.QUIET
                : verbose ? ConsoleProgress.Verbosity.VERBOSE : ConsoleProgress.Verbosity.NORMAL;
    }

    private RunOptions options() {
        requireFolder("--out", out);
        requireFolder("--cache-dir", cacheDir);
        requireFolder("--data-root", dataRoot);
        verbosity();
        if (force && resume) {
            throw new IllegalArgumentException("--force starts afresh and --resume continues: give one of them");
        }
        if (rerun != null && !resume) {
            throw new IllegalArgumentException("--rerun runs cells of an existing run again: add --resume");
        }
        RunOptions options = RunOptions.defaults(out).withResume(resume).withPeakGflops(peakGflops)
                .withWorkerHeap(workerHeap).withShutdownHook(true).withParallel(parallel);
        if (dataRoot != null) options = options.withDataRoot(dataRoot);
        if (cacheDir != null) options = options.withCache(new CacheDirectory(cacheDir));
        if (cellTimeout != null) options = options.withCellTimeoutSeconds(cellTimeout.toSeconds());
        if (smoke) {
            // a toy model's speed means nothing: measure inference once, keep a few features for the t-SNE plot, and
            // start workers quickly (the client compiler only, one GC thread) since each runs for a second or two
            options = options.withInference(new InferenceSettings(0, 1, 0, 1)).withFeatureSample(SMOKE_FEATURES)
                    .withWorkerJvmArgs(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        }
        return options;
    }

    private static final int SMOKE_FEATURES = 20;

    /** A folder option naming an existing file would fail deep inside the run, with a message about something else. */
    static void requireFolder(String flag, Path value) {
        if (value != null && java.nio.file.Files.exists(value) && !java.nio.file.Files.isDirectory(value)) {
            throw new IllegalArgumentException(flag + " " + value + " is a file; " + flag + " names a folder (it is "
                    + "created when missing)");
        }
    }

    /** The cells this run runs: a smoke selection, the cells of some backends, or the whole plan. */
    private PlanSelection select(SuitePlan plan, RunOptions options) {
        if (smokeCells == SmokeCells.all && !smoke) {
            throw new IllegalArgumentException("--smoke-cells applies only with --smoke");
        }
        List<String> installed = WorkerClasspath.detect().installedBackends();
        Set<String> chosen = backends == null ? null : backends(installed);
        if (smoke) {
            List<String> usable = chosen == null ? installed : installed.stream().filter(chosen::contains).toList();
            return SmokePlan.of(plan, usable, options.cache().root().resolve("smoke-checkpoints"),
                    smokeCells == SmokeCells.all);
        }
        return chosen == null ? new PlanSelection(plan, List.of()) : PlanSelection.backends(plan, chosen,
                backends.contains(INSTALLED) ? PlanSelection.notInstalled(installed)
                        : "not among --backends " + String.join(",", chosen));
    }

    /** The ids --backends names, with 'installed' replaced by the installed ones; unknown ids are errors. */
    private Set<String> backends(List<String> installed) {
        Set<String> ids = new LinkedHashSet<>();
        List<String> known = Suites.backendIds();
        for (String id : backends) {
            String trimmed = id.trim();
            if (trimmed.equals(INSTALLED)) {
                ids.addAll(installed);
            } else if (known.contains(trimmed)) {
                ids.add(trimmed);
            } else {
                throw new IllegalArgumentException("--backends: unknown backend '" + trimmed + "'; valid: "
                        + String.join(", ", known) + ", or " + INSTALLED + " (installed here: "
                        + (installed.isEmpty() ? "none" : String.join(", ", installed)) + ")");
            }
        }
        return ids;
    }

    private static void printWhereResultsAre(PrintWriter out, RunLayout layout) {
        out.println("Results: " + layout.resultsCsv());
        out.println("Report:  " + layout.reportHtml());
        out.println("Cells:   " + layout.cellsDir() + " (result.json, history.csv and worker logs per cell)");
        out.flush();
    }

    /** Reads none, sources, best or all; the error lists them. */
    static final class KeepConverter implements CommandLine.ITypeConverter<WeightsRetention.Keep> {
        @Override
        public WeightsRetention.Keep convert(String text) {
            for (WeightsRetention.Keep keep : WeightsRetention.Keep.values()) {
                if (keep.toString().equals(text.strip())) return keep;
            }
            throw new CommandLine.TypeConversionException("'" + text + "' is not a weights policy; use none, sources, "
                    + "best or all");
        }
    }

    /** Reads 90s, 30m, 2h, 1h30m, 1h30m15s or plain seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern UNITS = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

        @Override
        public Duration convert(String text) {
            String t = text.trim().toLowerCase(java.util.Locale.ROOT);
            if (t.matches("\\d+")) return Duration.ofSeconds(Long.parseLong(t));
            Matcher m = UNITS.matcher(t);
            if (t.isEmpty() || !m.matches()) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a duration; use for example "
                        + "90s, 30m, 2h, 1h30m or a number of seconds");
            }
            return Duration.ofHours(part(m, 1)).plusMinutes(part(m, 2)).plusSeconds(part(m, 3));
        }

        private static long part(Matcher m, int group) {
            return m.group(group) == null ? 0 : Long.parseLong(m.group(group));
        }
    }
}
