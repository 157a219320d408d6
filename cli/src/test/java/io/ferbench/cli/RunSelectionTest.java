package io.ferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Choosing and changing cells from the command line: {@code --only}/{@code --set} on plan and run, {@code --rerun},
 * {@code --force} and {@code --keep-weights}, on a tiny suite with real DJL workers.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class RunSelectionTest {
    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(
                new java.io.StringReader(text)).getRecords();
    }

    @Test
    void planShowsTheQuickstartsThreeResnetCellsAtOneEpoch() throws Exception {
        assertEquals(0, execute("plan", "../suites/quickstart.yaml", "--only", "architecture=resnet18", "--set",
                "epochs=1", "--format", "csv"), err.toString());
        List<CSVRecord> rows = csv(out.toString());
        assertEquals(3, rows.size(), out.toString());
        assertTrue(rows.stream().allMatch(r -> r.get("architecture").equals("resnet18")
                && r.get("epochs").equals("1")));
        assertEquals(List.of("djl", "tensorflow", "dl4j"), rows.stream().map(r -> r.get("backend")).toList());

        assertEquals(0, execute("validate", "../suites/quickstart.yaml", "--only", "backend=djl"));
        assertTrue(out.toString().contains("3 cells"), out.toString());
        assertEquals(2, execute("validate", "../suites/quickstart.yaml", "--set", "epochs=zero"));
        assertTrue(err.toString().contains("quickstart.yaml: --set epochs: "), err.toString());
    }

    @Test
    void runsTheChosenCellsRecordsTheOverridesRerunsForcesAndKeepsOnlyTheWeightsAsked() throws Exception {
        Path suite = dir.resolve("suite.yaml");
        Files.writeString(suite, """
                name: pick
                datasets:
                  tiny: {kind: synthetic, classes: [happy, sad], images_per_class: 5}
                matrix:
                  architecture: [resnet18, mobilenet_v2]
                  backend: djl
                  image_size: 16
                  batch_size: 8
                  epochs: 3
                """);
        Path results = dir.resolve("results");
        String[] args = {"run", suite.toString(), "--out", results.toString(), "--cache-dir",
                dir.resolve("cache").toString(), "--worker-heap", "512m", "--quiet",
                "--only", "architecture=resnet18", "--set", "epochs=1"};
        assertEquals(0, execute(args), out + "\n" + err);
        Path run = results.resolve("pick");
        List<CSVRecord> rows = csv(Files.readString(run.resolve("results.csv")));
        assertEquals(1, rows.size());
        assertEquals("resnet18", rows.get(0).get("architecture"));
        assertEquals("1", rows.get(0).get("max_epochs"));
        String cellId = rows.get(0).get("cell_id");
        assertTrue(Files.readString(run.resolve(OverridesLog.FILE)).contains(
                "--only architecture=resnet18 --set epochs=1"));
        assertFalse(Files.exists(run.resolve("cells").resolve(cellId).resolve("weights.safetensors")),
                "by default only weights other cells start from are kept");
        assertFalse(out.toString().contains("epoch 1/1"), "--quiet prints no progress: " + out);
        String log = Files.readString(run.resolve("cells").resolve(cellId).resolve("stderr.log"));
        assertFalse(log.contains("SLF4J"), "the worker has an SLF4J provider: " + log);

        assertEquals(2, execute(append(args, "--rerun", "resnet")));
        assertTrue(err.toString().contains("--rerun runs cells of an existing run again: add --resume"),
                err.toString());
        assertEquals(2, execute(append(args, "--resume", "--rerun", cellId + "x")));
        assertTrue(err.toString().contains("has no cell '" + cellId + "x'; did you mean '" + cellId + "'?"),
                err.toString());
        String started = rows.get(0).get("started_at");
        assertEquals(0, execute(append(args, "--resume", "--rerun", cellId, "--keep-weights", "all")), err.toString());
        CSVRecord again = csv(Files.readString(run.resolve("results.csv"))).get(0);
        assertFalse(started.equals(again.get("started_at")), "the finished cell ran again");
        assertTrue(Files.exists(run.resolve("cells").resolve(cellId).resolve("weights.safetensors")), "all kept");

        assertEquals(0, execute(append(args, "--force")), err.toString());
        List<Path> aside;
        try (Stream<Path> siblings = Files.list(results)) {
            aside = siblings.filter(p -> p.getFileName().toString().matches("pick\\.\\d{8}T\\d{6}Z")).toList();
        }
        assertEquals(1, aside.size(), "the previous run was moved aside, not deleted");
        assertTrue(Files.exists(aside.get(0).resolve("cells").resolve(cellId).resolve("weights.safetensors")));
        assertTrue(out.toString().contains("Moved the previous run aside to " + aside.get(0)), out.toString());
        assertEquals(1, csv(Files.readString(run.resolve("results.csv"))).size());
        assertEquals(2, execute(append(args, "--force", "--resume")));
    }

    private static String[] append(String[] args, String... more) {
        return Stream.concat(Stream.of(args), Stream.of(more)).toArray(String[]::new);
    }
}
