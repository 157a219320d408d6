package io.ferbench.cli;

import io.ferbench.reports.RunReports;
import io.ferbench.runner.cluster.StagedRun;
import io.ferbench.study.AnalysisFiles;
import io.ferbench.study.StudyAnalysis;
import io.ferbench.reports.html.ComparisonReport;
import io.ferbench.reports.html.RunFolder;
import io.ferbench.reports.html.TsneEmbeddings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferbench report RESULTS_DIR... [-o FILE]}: rebuilds the HTML comparison report from results
 * alone, also for a run that is still going on or was interrupted, and merges several run folders into
 * one report. Exit status 0, or 2 when a folder holds no results or the output is not given where it
 * must be.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Builds the HTML comparison report (one self-contained file that opens offline) from the "
                + "results in run folders: the leaderboard, the backends side by side, every cell's curves, confusion "
                + "matrix, ROC curves and t-SNE, sweeps and datasets.",
                "Works while a run is still going on or after it was interrupted (the cells that have finished). "
                        + "Several folders are merged into one report."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:report written", "2:invalid input (a folder without results, no -o for several folders)"})
public final class ReportCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int INVALID_INPUT = 2;

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RESULTS_DIR",
            description = "a run folder (such as results/quickstart), or a folder of run folders (such as results)")
    List<Path> dirs;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "the report file (default: report.html in the run folder, when there is one run folder)")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<RunFolder> runs;
        try {
            runs = runFolders(dirs);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return INVALID_INPUT;
        }
        Path file = output;
        if (file == null) {
            if (runs.size() > 1) {
                err.println(runs.size() + " run folders would be merged into one report: say where it goes with "
                        + "-o FILE (each run folder keeps its own report.html)");
                return INVALID_INPUT;
            }
            file = runs.get(0).layout().reportHtml();
        }
        createParent(file);
        if (output == null && Files.isRegularFile(runs.get(0).layout().suiteDir().resolve(StagedRun.FILE))) {
            // a cluster run left to itself: collecting it writes every file a local run's end writes
            RunFolder run = runs.get(0);
            RunReports.writeSuite(run, new TsneEmbeddings());
            AnalysisFiles.write(StudyAnalysis.of(run.results()), run.layout().suiteDir());
            out.println("Results: " + run.layout().resultsCsv());
        } else {
            ComparisonReport.write(file, runs, new TsneEmbeddings());
        }
        int cells = runs.stream().mapToInt(r -> r.results().size()).sum();
        int unfinished = runs.stream().mapToInt(r -> r.unfinished().size()).sum();
        out.println("Report: " + file.toAbsolutePath().normalize() + " (" + cells + " cell" + (cells == 1 ? "" : "s")
                + (runs.size() > 1 ? " from " + runs.size() + " run folders" : "")
                + (unfinished > 0 ? "; " + unfinished + " not finished" : "") + ")");
        out.flush();
        return OK;
    }

    /** The run folders in {@code dirs}, each once, in the order given. */
    static List<RunFolder> runFolders(List<Path> dirs) {
        Map<Path, RunFolder> runs = new LinkedHashMap<>();
        for (Path dir : dirs) {
            for (RunFolder run : RunFolder.find(dir)) runs.putIfAbsent(run.layout().suiteDir(), run);
        }
        return new ArrayList<>(runs.values());
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + parent + ": " + e.getMessage(), e);
        }
    }
}
