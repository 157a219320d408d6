package io.ferbench.cli;

import io.ferbench.api.result.CellResult;
import io.ferbench.reports.RunReports;
import io.ferbench.runner.ConsoleProgress;
import io.ferbench.runner.RunListener;
import io.ferbench.runner.RunRefusedException;
import io.ferbench.runner.RunSummary;
import io.ferbench.runner.cluster.CellTask;
import io.ferbench.worker.RunLayout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferbench worker RUN_DIR --index I}: what one task of a cluster job runs (docs/scale-out.md). Exit status 0
 * when the cell is ok (also when it already was), 1 when it failed or diverged, 2 for bad input (not a staged run,
 * an index out of range, the cell held by another task).
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Runs one cell of a staged run folder, as one task of a Slurm job array or a Kubernetes "
                + "Indexed Job does: cell I of RUN_DIR/staged.json, in a forked worker JVM with the same classpath "
                + "separation and time limit as a local run, its result written atomically to "
                + "RUN_DIR/cells/<id>/result.json.",
                "The contract: the task reads RUN_DIR/staged.json and RUN_DIR/cells/<id>/cell.json and writes only "
                        + "into RUN_DIR/cells/<id>/. A cell with a finished result of the same settings is kept (the "
                        + "task ends at once); a second task on the same cell is refused by the cell's lock "
                        + "(cells/<id>/cell.lock); a task stopped by SIGTERM (scancel, kubectl delete, pre-emption) "
                        + "records the cell as failed, cancelled, and --resume runs it again.",
                "Stage a run with: ferbench run SUITE --executor slurm|kubernetes --dry-run"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the cell is ok", "1:the cell failed or diverged",
                "2:invalid input (not a staged run, index out of range, the cell held by another task)"})
final class WorkerCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a staged run folder, such as results/quickstart")
    Path runDir;

    @Option(names = "--index", paramLabel = "I",
            description = "the task's cell index, 0 to N-1 (default: $JOB_COMPLETION_INDEX, else "
                    + "$SLURM_ARRAY_TASK_ID)")
    Integer index;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunSummary summary;
        try {
            int i = CellTask.index(index, System.getenv());
            summary = CellTask.run(runDir, i, List.of(new ConsoleProgress(out, false), new CellFiles()));
        } catch (IllegalArgumentException | RunRefusedException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        CellResult result = summary.results().get(0);
        out.println("cell " + result.cellId() + ": " + result.status().name().toLowerCase(java.util.Locale.ROOT)
                + (summary.ran() == 0 ? " (finished before; nothing to do)" : "")
                + (result.error() == null ? "" : ": " + result.error()));
        out.flush();
        return result.status() == io.ferbench.api.result.CellStatus.OK ? 0 : 1;
    }

    /** The cell's own history.csv; the run's files are written once, when the run is collected. */
    private static final class CellFiles implements RunListener {
        private RunLayout layout;

        @Override
        public void runStarted(RunLayout layout, io.ferbench.suite.SuitePlan plan, List<io.ferbench.api.cell.Cell>
                toRun, List<CellResult> kept) {
            this.layout = layout;
        }

        @Override
        public void cellFinished(CellResult result, List<CellResult> results) {
            RunReports.writeCell(layout, result);
        }
    }
}
