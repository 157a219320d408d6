package io.ferbench.cli;

import io.ferbench.api.result.CellResult;
import io.ferbench.reports.ReportingListener;
import io.ferbench.runner.ConsoleProgress;
import io.ferbench.runner.ResumeGuard;
import io.ferbench.runner.RunListener;
import io.ferbench.runner.RunOptions;
import io.ferbench.runner.RunRefusedException;
import io.ferbench.runner.RunSummary;
import io.ferbench.runner.cluster.KubernetesExecutor;
import io.ferbench.runner.cluster.SlurmExecutor;
import io.ferbench.runner.cluster.Staging;
import io.ferbench.study.AnalysisListener;
import io.ferbench.suite.SuitePlan;
import io.ferbench.worker.RunLayout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ferbench run SUITE --executor slurm|kubernetes}: stages the run folder, writes the cluster's job files,
 * submits them (unless told not to), follows the cells' results (Slurm) and, once every task has ended, writes
 * results.csv, the analysis files and report.html exactly as a local run does.
 */
final class ClusterRun {
    /** Where the cells of a run go. */
    enum Executor { local, slurm, kubernetes }

    private final RunCommand command;
    private final PrintWriter out;
    private final PrintWriter err;

    ClusterRun(RunCommand command, PrintWriter out, PrintWriter err) {
        this.command = command;
        this.out = out;
        this.err = err;
    }

    int run(SuitePlan plan, RunOptions options) {
        if (command.dataRoot == null && !Path.of(System.getenv().getOrDefault(RunOptions.DATA_VARIABLE, "data"))
                .isAbsolute() && plan.cells().stream().anyMatch(c -> c.dataset().path() != null)) {
            err.println("warning: datasets are read from " + options.dataRoot() + ", the relative data root resolved "
                    + "on this machine; every node must see that path (give --data-root with a shared folder)");
        }
        Staging.Staged staged;
        try {
            staged = Staging.stage(plan, options);
        } catch (RunRefusedException e) {
            err.println(e.getMessage());
            return RunCommand.INVALID_INPUT;
        }
        out.println("Staged " + plan.cells().size() + " cells in " + staged.layout().suiteDir() + " ("
                + staged.pending().size() + " to run)");
        try {
            return command.executor == Executor.slurm ? slurm(plan, options, staged) : kubernetes(options, staged);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return RunCommand.INVALID_INPUT;
        }
    }

    private int slurm(SuitePlan plan, RunOptions options, Staging.Staged staged) {
        SlurmExecutor slurm = new SlurmExecutor(staged, options, new SlurmExecutor.Settings(command.maxParallel,
                command.slurmOptions == null ? List.of() : command.slurmOptions, ferbenchCommand(), 2));
        List<Path> scripts = slurm.write();
        scripts.forEach(s -> out.println("Slurm job file: " + s));
        if (command.dryRun || staged.pending().isEmpty()) {
            if (!staged.pending().isEmpty()) {
                out.println("Submit with: sbatch " + scripts.get(0)
                        + (scripts.size() > 1 ? " (then each further wave with --dependency=afterany:<job id>)" : ""));
            }
            out.println("Collect with: ferbench report " + staged.layout().suiteDir());
            out.flush();
            return staged.pending().isEmpty() ? collect(plan, staged.layout(), 0) : RunCommand.OK;
        }
        List<String> jobs = slurm.submit(scripts);
        out.println("Submitted Slurm job" + (jobs.size() == 1 ? " " : "s ") + String.join(", ", jobs) + " ("
                + staged.pending().size() + " array tasks); following the run folder (Ctrl-C stops following, "
                + "not the job: collect later with 'ferbench report " + staged.layout().suiteDir() + "')");
        out.flush();
        try {
            slurm.follow(jobs, out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunCommand.INTERRUPTED;
        }
        return collect(plan, staged.layout(), staged.pending().size());
    }

    private int kubernetes(RunOptions options, Staging.Staged staged) {
        KubernetesExecutor kubernetes = new KubernetesExecutor(staged, options,
                new KubernetesExecutor.Settings(command.image, command.pvc, command.maxParallel));
        Path manifest = kubernetes.write();
        out.println("Kubernetes Job manifest: " + manifest);
        if (!options.outDir().equals(Path.of("/runs"))) {
            err.println("note: the pods see the run folder at /runs/" + staged.run().suite() + " on the claim "
                    + command.pvc + "; stage it with --out /runs where the claim is mounted there, so that the "
                    + "cells' paths match");
        }
        if (command.submit && !command.dryRun) {
            out.println(kubernetes.submit(manifest));
        } else {
            out.println("Apply with: kubectl apply -f " + manifest);
        }
        out.println("Collect, once the Job has completed, with: ferbench report " + staged.layout().suiteDir());
        out.flush();
        return RunCommand.OK;
    }

    /**
     * Writes the run's files from the results in its folder, as a local run's end does; the exit status says
     * whether every cell is ok.
     */
    int collect(SuitePlan plan, RunLayout layout, int ran) {
        List<CellResult> results = new ArrayList<>(ResumeGuard.previousResults(layout, plan.cells()).values());
        RunSummary summary = new RunSummary(layout, results, ran, results.size() - Math.min(ran, results.size()),
                plan.cells().size(), false);
        List<RunListener> listeners = List.of(new ConsoleProgress(out, false), new ReportingListener(),
                new AnalysisListener(out));
        for (RunListener l : listeners) {
            l.runStarted(layout, plan, List.of(), List.of());
            l.runFinished(summary);
        }
        out.println("Results: " + layout.resultsCsv());
        out.println("Report:  " + layout.reportHtml());
        out.flush();
        return summary.allOk() ? RunCommand.OK : RunCommand.SOME_CELLS_NOT_OK;
    }

    /** How a node starts this same ferbench: this JVM's java, distribution and classpath. */
    static List<String> ferbenchCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String home = System.getProperty("ferbench.home");
        if (home != null) cmd.add("-Dferbench.home=" + home);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        return cmd;
    }
}
