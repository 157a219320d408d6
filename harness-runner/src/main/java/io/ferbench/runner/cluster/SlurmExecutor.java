package io.ferbench.runner.cluster;

import io.ferbench.api.cell.Cell;
import io.ferbench.api.result.CellResult;
import io.ferbench.runner.RunOptions;
import io.ferbench.worker.AtomicFiles;
import io.ferbench.worker.CellResults;
import io.ferbench.worker.JsonFiles;
import io.ferbench.worker.RunLayout;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a staged run's pending cells as Slurm job arrays: writes {@code slurm/cells.sbatch} (one array; a further
 * array per wave of cells that start from another cell's weights, submitted with {@code --dependency=afterany}, so
 * Slurm starts a wave once the one before it has ended and each cell finds its source's result), submits them with
 * {@code sbatch}, and follows the cells' results in the run folder until Slurm lists none of the jobs. A task that
 * ended without writing a result (killed before its worker could) is recorded as failed with Slurm's own state for it.
 */
public final class SlurmExecutor {
    static final String WITHOUT_SLURM = "give --dry-run to write the job files without submitting them, and submit "
            + "them with sbatch where Slurm is installed";

    /**
     * How to submit.
     *
     * @param maxParallel   tasks at once per array, null for no limit
     * @param extraOptions  further {@code #SBATCH} options
     * @param ferbench      the command that starts ferbench on a node
     * @param pollSeconds   how often the run folder and the queue are read
     */
    public record Settings(Integer maxParallel, List<String> extraOptions, List<String> ferbench, double pollSeconds) {
        public Settings {
            extraOptions = List.copyOf(extraOptions);
            ferbench = List.copyOf(ferbench);
        }
    }

    private final Staging.Staged staged;
    private final RunOptions options;
    private final Settings settings;

    public SlurmExecutor(Staging.Staged staged, RunOptions options, Settings settings) {
        this.staged = staged;
        this.options = options;
        this.settings = settings;
    }

    /** Writes the job scripts of the pending cells, one per wave; returns them in submission order. */
    public List<Path> write() {
        Path dir = staged.layout().suiteDir().resolve("slurm");
        AtomicFiles.writeString(dir.resolve(SlurmScript.CELL_LIST), String.join("\n", staged.run().cells()) + "\n");
        List<Path> scripts = new ArrayList<>();
        for (int wave = 0; wave < staged.run().waveCount(); wave++) {
            List<Integer> indices = new ArrayList<>();
            for (int i : staged.pending()) if (staged.run().waves().get(i) == wave) indices.add(i);
            if (indices.isEmpty()) continue;
            List<Cell> cells = indices.stream().map(staged.cells()::get).toList();
            SlurmScript script = new SlurmScript(staged.layout().suiteDir(), staged.run().suite(), indices,
                    TaskResources.of(cells, options), settings.maxParallel(), settings.extraOptions(),
                    settings.ferbench());
            Path file = dir.resolve(wave == 0 ? "cells.sbatch" : "cells-wave" + wave + ".sbatch");
            AtomicFiles.writeString(file, script.text());
            scripts.add(file);
        }
        return scripts;
    }

    /** Submits the scripts, each wave after the one before; returns the job ids. */
    public List<String> submit(List<Path> scripts) {
        List<String> jobs = new ArrayList<>();
        for (Path script : scripts) {
            List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
            if (!jobs.isEmpty()) command.add("--dependency=afterany:" + jobs.get(jobs.size() - 1));
            command.add(script.toString());
            String id = ExternalTool.check(command, WITHOUT_SLURM).lines().reduce((a, b) -> b).orElse("").trim();
            jobs.add(id.contains(";") ? id.substring(0, id.indexOf(';')) : id);
        }
        return jobs;
    }

    /**
     * Waits until Slurm lists none of {@code jobs}, telling {@code out} how many pending cells have a result; then
     * records the cells whose task ended without one.
     */
    public void follow(List<String> jobs, PrintWriter out) throws InterruptedException {
        RunLayout layout = staged.layout();
        int reported = -1;
        while (true) {
            boolean queued = queued(jobs);
            int done = (int) staged.pending().stream().filter(i -> Files.isRegularFile(layout.resultFile(
                    staged.run().cells().get(i)))).count();
            if (done != reported) {
                out.println("slurm: " + done + " of " + staged.pending().size() + " cells finished (job"
                        + (jobs.size() == 1 ? " " : "s ") + String.join(", ", jobs) + ")");
                out.flush();
                reported = done;
            }
            if (!queued) break;
            Thread.sleep((long) (settings.pollSeconds() * 1000));
        }
        recordLost(jobs);
    }

    /** Whether Slurm still lists any task of {@code jobs} (pending or running). */
    private static boolean queued(List<String> jobs) {
        ExternalTool.Outcome listed = ExternalTool.run(List.of("squeue", "-h", "-o", "%i", "-j", String.join(",",
                jobs)), WITHOUT_SLURM);
        if (!listed.ok()) {
            // squeue refuses ids it no longer knows: the jobs have left the queue
            if (listed.output().contains("Invalid job id")) return false;
            throw new IllegalStateException("squeue failed: " + listed.output());
        }
        return !listed.output().isBlank();
    }

    /** Pending cells with no result once their tasks ended: failed, with Slurm's state of the task. */
    private void recordLost(List<String> jobs) {
        Map<Integer, String> states = new HashMap<>();
        for (String job : jobs) states.putAll(taskStates(job));
        RunLayout layout = staged.layout();
        for (int i : staged.pending()) {
            String id = staged.run().cells().get(i);
            if (Files.isRegularFile(layout.resultFile(id))) continue;
            String state = states.getOrDefault(i, "no state: Slurm has forgotten the task");
            String reason = state.startsWith("JobState=CANCELLED") ? "cancelled: the Slurm task was cancelled before "
                    + "the cell finished (" + state + ")" : "the Slurm task ended without a result (" + state + ")";
            String where = "; its output is in " + layout.cellDir(id).resolve("task.log") + "; --resume runs it again";
            CellResult failed = CellResults.failed(staged.cells().get(i), reason + where, CellResults.now(),
                    CellResults.now(), null);
            JsonFiles.write(layout.resultFile(id), failed, false);
        }
    }

    private static final Pattern TASK = Pattern.compile("ArrayTaskId=(\\d+)\\b");
    private static final Pattern STATE = Pattern.compile("JobState=(\\S+)");
    private static final Pattern EXIT = Pattern.compile("ExitCode=(\\S+)");

    /** Each task's state as {@code scontrol show job} tells it (accounting, hence sacct, may be off). */
    static Map<Integer, String> taskStates(String job) {
        ExternalTool.Outcome shown = ExternalTool.run(List.of("scontrol", "show", "job", job), WITHOUT_SLURM);
        Map<Integer, String> states = new HashMap<>();
        if (!shown.ok()) return states;
        for (String record : shown.output().split("\\n\\s*\\n")) {
            Matcher task = TASK.matcher(record);
            Matcher state = STATE.matcher(record);
            if (!task.find() || !state.find()) continue;
            Matcher exit = EXIT.matcher(record);
            states.put(Integer.parseInt(task.group(1)), "JobState=" + state.group(1)
                    + (exit.find() ? " ExitCode=" + exit.group(1) : ""));
        }
        return states;
    }

}
