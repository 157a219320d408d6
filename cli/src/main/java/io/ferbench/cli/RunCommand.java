package io.ferbench.cli;

import io.ferbench.core.env.CacheDirectory;
import io.ferbench.core.runner.ConsoleProgress;
import io.ferbench.core.runner.Coordinator;
import io.ferbench.core.runner.RunLayout;
import io.ferbench.core.runner.RunOptions;
import io.ferbench.core.runner.RunRefusedException;
import io.ferbench.core.runner.RunSummary;
import io.ferbench.core.suite.SuiteException;
import io.ferbench.core.suite.SuitePlan;
import io.ferbench.core.suite.Suites;
import io.ferbench.reports.ReportingListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a suite: trains and evaluates every cell, each in its own worker JVM, and writes "
                + "results.csv, results.json, history.csv, one result.json per cell and report.html to "
                + "OUT/<suite name>/.",
                "A folder that already holds results is never overwritten: use --resume to finish that run, "
                        + "or another --out."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every cell ok", "1:some cell failed or diverged", "2:invalid input",
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

    @Option(names = "--peak-gflops", paramLabel = "GFLOPS", defaultValue = "130",
            description = "the machine's fp32 peak, for the share of peak (default: ${DEFAULT-VALUE})")
    double peakGflops;

    @Option(names = "--worker-heap", paramLabel = "SIZE",
            description = "-Xmx of each worker JVM, for example 8g (default: a quarter of the memory, 1-16 GiB)")
    String workerHeap;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        SuitePlan plan;
        RunOptions options;
        try {
            plan = Suites.plan(suite);
            options = options();
        } catch (SuiteException | IllegalArgumentException e) {
            stderr.println(e.getMessage());
            return INVALID_INPUT;
        }
        Coordinator coordinator = new Coordinator(options,
                List.of(ConsoleProgress.forConsole(stdout), new ReportingListener()));
        RunSummary summary;
        try {
            summary = coordinator.run(plan);
        } catch (RunRefusedException e) {
            stderr.println(e.getMessage());
            return INVALID_INPUT;
        }
        printWhereResultsAre(stdout, summary.layout());
        if (summary.interrupted()) return INTERRUPTED;
        return summary.allOk() ? OK : SOME_CELLS_NOT_OK;
    }

    private RunOptions options() {
        RunOptions options = RunOptions.defaults(out).withResume(resume).withPeakGflops(peakGflops)
                .withWorkerHeap(workerHeap).withShutdownHook(true);
        if (dataRoot != null) options = options.withDataRoot(dataRoot);
        if (cacheDir != null) options = options.withCache(new CacheDirectory(cacheDir));
        if (cellTimeout != null) options = options.withCellTimeoutSeconds(cellTimeout.toSeconds());
        return options;
    }

    private static void printWhereResultsAre(PrintWriter out, RunLayout layout) {
        out.println("Results: " + layout.resultsCsv());
        out.println("Report:  " + layout.reportHtml());
        out.println("Cells:   " + layout.cellsDir() + " (result.json, history.csv and worker logs per cell)");
        out.flush();
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
