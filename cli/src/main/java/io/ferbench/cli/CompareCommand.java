package io.ferbench.cli;

import io.ferbench.reports.compare.ComparisonFiles;
import io.ferbench.reports.compare.Metric;
import io.ferbench.reports.compare.RunComparison;
import io.ferbench.reports.html.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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

/**
 * {@code ferbench compare RUN_A RUN_B}: what moved between two runs of the same cells (a new framework version, a JVM
 * flag, another machine), with a CI exit status for regressions.
 */
@Command(name = "compare",
        description = {"Compare two run folders: cells are paired by their configuration (the matrix values and "
                + "settings, not the cell ids, framework versions or machine), and for each pair and metric the "
                + "console shows both means, the change in %% of RUN_A's with its direction, and Welch's t-test where "
                + "both runs have two or more repeats (otherwise 'untested').",
                "Writes compare.csv and compare.html into --out."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:compared; no regression beyond --fail-on-regression",
                "1:some metric of RUN_B is worse than RUN_A's by more than --fail-on-regression percent (and "
                        + "significantly so, where tested)",
                "2:invalid input (a folder without results, an unknown metric, no cell in common)"})
final class CompareCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int REGRESSION = 1;
    static final int INVALID_INPUT = 2;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "the baseline run folder, such as results/quickstart")
    Path first;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "the run folder compared with it")
    Path second;

    @Option(names = "--metric", paramLabel = "NAME", split = ",",
            description = "the results.csv columns to compare (default: test_accuracy, macro_f1, train_images_per_s, "
                    + "time_per_epoch_s, inference_images_per_s, latency_p50_ms, peak_rss_mib)")
    List<String> metrics;

    @Option(names = "--fail-on-regression", paramLabel = "PCT",
            description = "exit with status 1 when a metric of RUN_B is worse than RUN_A's by more than PCT percent "
                    + "(higher or lower, whichever way the metric is worse) and, with repeats, significantly")
    Double threshold;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = ".",
            description = "folder for compare.csv and compare.html (default: the current folder)")
    Path out;

    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunComparison comparison;
        try {
            if (threshold != null && !(threshold >= 0)) {
                throw new IllegalArgumentException("--fail-on-regression takes a percentage >= 0, such as 5; got "
                        + threshold);
            }
            List<Metric> chosen = Metric.of(metrics == null ? Metric.DEFAULT : metrics);
            comparison = RunComparison.of(run(first, "RUN_A"), run(second, "RUN_B"), chosen);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return INVALID_INPUT;
        }
        if (comparison.rows().isEmpty()) {
            err.println("no cell of " + second + " has the configuration of a cell of " + first + ": nothing to "
                    + "compare (only in RUN_A: " + comparison.onlyInFirst().size() + ", only in RUN_B: "
                    + comparison.onlyInSecond().size() + ")");
            return INVALID_INPUT;
        }
        print(console, comparison);
        Files.createDirectories(out);
        ComparisonFiles.write(comparison, threshold, out);
        console.println("Files: " + out.resolve(ComparisonFiles.CSV) + ", " + out.resolve(ComparisonFiles.HTML));
        if (threshold != null && comparison.regressed(threshold)) {
            long count = comparison.rows().stream().filter(r -> r.regressed(threshold)).count();
            console.printf(Locale.ROOT, "Regression: %d metric%s worse by more than %s %%%n", count,
                    count == 1 ? "" : "s", threshold);
            console.flush();
            return REGRESSION;
        }
        console.flush();
        return OK;
    }

    /** The one run folder {@code dir} names. */
    private static RunFolder run(Path dir, String label) {
        List<RunFolder> runs = RunFolder.find(dir);
        if (runs.size() > 1) {
            throw new IllegalArgumentException(label + " " + dir + " holds " + runs.size() + " run folders; name one "
                    + "of them, such as " + runs.get(0).layout().suiteDir());
        }
        return runs.get(0);
    }

    private void print(PrintWriter console, RunComparison c) {
        console.println("A: " + side(c.first()));
        console.println("B: " + side(c.second()));
        List<String> header = new ArrayList<>(c.axes());
        header.addAll(List.of("metric", "A", "B", "change", "p", "verdict"));
        boolean versionsDiffer = c.rows().stream().anyMatch(r -> !r.firstVersions().equals(r.secondVersions()));
        if (versionsDiffer) header.add("versions");
        List<List<String>> rows = new ArrayList<>();
        for (RunComparison.Row r : c.rows()) {
            List<String> row = new ArrayList<>(r.axes().values());
            row.addAll(List.of(r.metric().name() + (r.metric().higherIsBetter() ? " ↑" : " ↓"),
                    ComparisonFiles.summary(r.first()), ComparisonFiles.summary(r.second()),
                    ComparisonFiles.percent(r.changePercent()), ComparisonFiles.p(r.test()),
                    threshold != null && r.regressed(threshold) ? "REGRESSION" : r.verdict()));
            if (versionsDiffer) row.add(ComparisonFiles.versions(r));
            rows.add(row);
        }
        Rows.print(console, OutputFormat.table, header, rows);
        if (!c.onlyInFirst().isEmpty()) {
            console.println("Only in A (not compared): " + String.join("; ", c.onlyInFirst()));
        }
        if (!c.onlyInSecond().isEmpty()) {
            console.println("Only in B (not compared): " + String.join("; ", c.onlyInSecond()));
        }
    }

    private static String side(RunComparison.Side side) {
        return side.folder() + " (ferbench " + (side.ferbench().isEmpty() ? "not recorded"
                : String.join("; ", side.ferbench())) + "; " + String.join("; ", side.machines()) + ")";
    }
}
