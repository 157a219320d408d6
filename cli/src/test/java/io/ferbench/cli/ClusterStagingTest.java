package io.ferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ferbench.runner.cluster.CellTask;
import io.ferbench.runner.cluster.StagedRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a cluster run writes before anything runs, and the worker contract; no scheduler needed. */
class ClusterStagingTest {
    private static final Path QUICKSTART = Path.of("../suites/quickstart.yaml");

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int ferbench(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void aSlurmDryRunStagesTheQuickstartAsOneArrayOfNineTasks() throws Exception {
        Path d = dir.resolve("d");
        assertEquals(0, ferbench("run", QUICKSTART.toString(), "--executor", "slurm", "--dry-run", "--out",
                d.toString(), "--max-parallel", "2", "--slurm-option", "partition=debug"), out + "\n" + err);
        Path run = d.resolve("quickstart");
        String script = Files.readString(run.resolve("slurm/cells.sbatch"));
        assertTrue(script.contains("#SBATCH --array=0-8%2\n"), script);
        assertTrue(script.contains("#SBATCH --partition=debug\n") && script.contains("#SBATCH --mem=")
                && script.contains("#SBATCH --time=") && script.contains("#SBATCH --cpus-per-task="), script);
        assertTrue(script.contains(" worker \"$RUN\" --index \"$SLURM_ARRAY_TASK_ID\""), script);
        StagedRun staged = StagedRun.read(run);
        assertEquals(9, staged.cells().size());
        assertEquals(staged.cells(), Files.readAllLines(run.resolve("slurm/cells.txt")));
        for (String id : staged.cells()) assertTrue(Files.isRegularFile(run.resolve("cells").resolve(id)
                .resolve("cell.json")), id);
        assertTrue(out.toString().contains("Submit with: sbatch " + run.resolve("slurm/cells.sbatch")), out.toString());
        assertEquals(List.of(), Files.list(run.resolve("cells")).filter(c -> Files.exists(c.resolve("result.json")))
                .toList(), "nothing ran");
    }

    @Test
    void aKubernetesDryRunWritesAnIndexedJobThatMatchesTheJobSchema() throws Exception {
        Path d = dir.resolve("k");
        assertEquals(0, ferbench("run", QUICKSTART.toString(), "--executor", "kubernetes", "--dry-run", "--out",
                d.toString(), "--image", "registry.example/ferbench:1", "--pvc", "ferbench-runs", "--max-parallel",
                "4"), out + "\n" + err);
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(d.resolve("quickstart/kubernetes/job.yaml")
                .toFile());
        assertEquals("batch/v1", job.get("apiVersion").asText());
        assertEquals("Job", job.get("kind").asText());
        JsonNode spec = job.get("spec");
        assertEquals("Indexed", spec.get("completionMode").asText());
        assertEquals(9, spec.get("completions").asInt());
        assertEquals(4, spec.get("parallelism").asInt());
        KubernetesJobSchema.check(job);
        JsonNode container = spec.at("/template/spec/containers/0");
        assertEquals("registry.example/ferbench:1", container.get("image").asText());
        assertEquals(List.of("worker", "/runs/quickstart", "--index", "$(JOB_COMPLETION_INDEX)"),
                List.of(container.get("args").get(0).asText(), container.get("args").get(1).asText(),
                        container.get("args").get(2).asText(), container.get("args").get(3).asText()));
        assertEquals("ferbench-runs", spec.at("/template/spec/volumes/0/persistentVolumeClaim/claimName").asText());
        assertTrue(out.toString().contains("Apply with: kubectl apply -f"), out.toString());
    }

    @Test
    void theWorkerFindsItsIndexInTheSchedulersVariableAndRefusesOneOutOfRange() throws Exception {
        assertEquals(1, CellTask.index(null, Map.of("JOB_COMPLETION_INDEX", "1")));
        assertEquals(4, CellTask.index(null, Map.of("SLURM_ARRAY_TASK_ID", "4")));
        assertEquals(2, CellTask.index(2, Map.of("SLURM_ARRAY_TASK_ID", "4")), "--index wins");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> CellTask.index(null, Map.of()));
        assertTrue(none.getMessage().contains("--index") && none.getMessage().contains("JOB_COMPLETION_INDEX"));

        Path d = dir.resolve("w");
        assertEquals(0, ferbench("run", QUICKSTART.toString(), "--executor", "slurm", "--dry-run", "--out",
                d.toString()));
        assertTrue(Files.readString(d.resolve("quickstart/slurm/cells.sbatch")).contains("#SBATCH --array=0-8\n"),
                "no --max-parallel: no limit");
        assertEquals(2, ferbench("worker", d.resolve("quickstart").toString(), "--index", "9"));
        assertTrue(err.toString().contains("task index 9 is out of range: this run has 9 cells, indices 0 to 8"),
                err.toString());
        assertEquals(2, ferbench("worker", dir.toString(), "--index", "0"));
        assertTrue(err.toString().contains("is not a staged run folder"), err.toString());
    }

    @Test
    void aSecondTaskOnACellAnotherTaskHoldsIsRefusedAndChangesNothing() throws Exception {
        Path d = dir.resolve("race");
        assertEquals(0, ferbench("run", QUICKSTART.toString(), "--executor", "slurm", "--dry-run", "--out",
                d.toString()));
        Path run = d.resolve("quickstart");
        String cell = StagedRun.read(run).cells().get(0);
        Path lock = run.resolve("cells").resolve(cell).resolve("cell.lock");
        String holder = HeldLocks.byThisProcess("a task running cell " + cell);
        Files.writeString(lock, holder);
        assertEquals(2, ferbench("worker", run.toString(), "--index", "0"));
        assertTrue(err.toString().contains("is in use by another ferbench run: pid " + ProcessHandle.current().pid()),
                err.toString());
        assertEquals(holder, Files.readString(lock));
        assertTrue(!Files.exists(run.resolve("cells").resolve(cell).resolve("result.json")), "nothing ran");
    }

    @Test
    void badClusterOptionsSayWhatIsValid() throws Exception {
        assertEquals(2, ferbench("run", QUICKSTART.toString(), "--executor", "lsf"));
        assertTrue(err.toString().contains("local, slurm, kubernetes"), err.toString());
        assertEquals(2, ferbench("run", QUICKSTART.toString(), "--executor", "kubernetes", "--dry-run", "--out",
                dir.resolve("x").toString(), "--pvc", "runs"));
        assertTrue(err.toString().contains("needs --image IMAGE"), err.toString());
        assertEquals(2, ferbench("run", QUICKSTART.toString(), "--dry-run", "--out", dir.resolve("y").toString()));
        assertTrue(err.toString().contains("apply only with --executor slurm or kubernetes"), err.toString());
    }

    @Test
    void workerHelpDocumentsTheContract() {
        assertEquals(0, ferbench("worker", "--help"));
        assertTrue(out.toString().contains("RUN_DIR/staged.json") && out.toString().contains("cell.lock")
                && out.toString().contains("JOB_COMPLETION_INDEX"), out.toString());
    }
}
