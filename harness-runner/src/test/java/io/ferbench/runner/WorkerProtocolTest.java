package io.ferbench.runner;

import io.ferbench.worker.BackendRegistry;
import io.ferbench.worker.ParentWatchdog;
import io.ferbench.worker.ProgressChannel;
import io.ferbench.worker.ProgressEmitter;
import io.ferbench.worker.ProgressEvent;
import io.ferbench.worker.RunLayout;
import io.ferbench.worker.UnknownBackendException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.result.EpochRecord;
import io.ferbench.worker.train.EarlyStopping;
import io.ferbench.worker.train.StepProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerProtocolTest {
    @TempDir Path dir;

    @Test
    void progressEventsTravelAsPrefixedJsonLinesAndOtherOutputIsIgnored() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressEmitter emitter = new ProgressEmitter(new PrintStream(bytes, true, StandardCharsets.UTF_8), 60_000);
        emitter.phase("training");
        emitter.onStep(new StepProgress(1, 5, 1, 10, 2.5, 100));
        emitter.onStep(new StepProgress(1, 5, 2, 10, 2.4, 99));   // throttled
        emitter.onStep(new StepProgress(1, 5, 10, 10, 2.0, 80));  // last step of the epoch: always sent
        emitter.onEpoch(new EpochRecord(1, 2.0, 0.3, 1.9, 0.35, 12.5, 11.0, 1e-3, 300.0), 5,
                EarlyStopping.Decision.IMPROVED);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.stream().allMatch(l -> l.startsWith(ProgressChannel.PREFIX)));

        ProgressEvent step = ProgressChannel.decode(lines.get(2)).orElseThrow();
        assertEquals(ProgressEvent.Kind.STEP, step.kind());
        assertEquals(10, step.step());
        assertEquals(2.0, step.loss());
        assertEquals(80.0, step.etaSeconds());
        ProgressEvent epoch = ProgressChannel.decode(lines.get(3)).orElseThrow();
        assertEquals(0.35, epoch.valAccuracy());
        assertEquals("improved", epoch.message());
        assertEquals("training", ProgressChannel.decode(lines.get(0)).orElseThrow().message());

        assertEquals(Optional.empty(), ProgressChannel.decode("Loading PyTorch native library..."));
        assertEquals(Optional.empty(), ProgressChannel.decode(ProgressChannel.PREFIX + "{broken"));
    }

    @Test
    void workerEndingsAreExplained() throws Exception {
        Path stderr = dir.resolve("stderr.log");
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 30; i++) log.append("line ").append(i).append('\n');
        Files.writeString(stderr, log);
        String killed = WorkerExit.describe(137, 0, stderr, dir);
        assertTrue(killed.startsWith("the worker was killed by signal 9 (SIGKILL"), killed);
        assertTrue(killed.contains("line 30") && killed.contains("line 11") && !killed.contains("line 10\n"), killed);

        assertTrue(WorkerExit.describe(137, 60, stderr, dir).startsWith("timeout: the cell ran longer than its limit of 60 s"));
        Files.writeString(stderr, "Terminating due to java.lang.OutOfMemoryError: Java heap space\n");
        assertTrue(WorkerExit.describe(3, 0, stderr, dir).startsWith("out of memory"));
        Files.writeString(stderr, "ferbench worker: the coordinator is gone (its standard input closed)\n");
        String orphan = WorkerExit.describe(ParentWatchdog.EXIT_STATUS, 0, stderr, dir);
        assertTrue(orphan.startsWith("the worker stopped itself") && !orphan.contains("out of memory"), orphan);
        Files.writeString(dir.resolve("hs_err_pid123.log"), "#  SIGSEGV");
        String crash = WorkerExit.describe(134, 0, dir.resolve("absent.log"), dir);
        assertTrue(crash.contains("SIGABRT") && crash.contains("hs_err_pid123.log"), crash);
        assertEquals("", WorkerExit.tail(dir.resolve("absent.log"), 5));
    }

    @Test
    void distributionClasspathIsCorePlusTheBackendsJars() throws Exception {
        Path home = dir.resolve("dist");
        Files.createDirectories(home.resolve("core"));
        Files.createDirectories(home.resolve("backends/djl"));
        Files.createDirectories(home.resolve("backends/dl4j"));
        Files.writeString(home.resolve("core/harness-worker.jar"), "");
        Files.writeString(home.resolve("core/harness-api.jar"), "");
        Files.writeString(home.resolve("core/README.txt"), "");
        Files.writeString(home.resolve("backends/djl/backend-djl.jar"), "");
        Files.writeString(home.resolve("backends/djl/backend.properties"), "id=djl\norder=1\n");
        Files.writeString(home.resolve("backends/dl4j/backend.properties"), "id=dl4j\norder=2\n");
        Files.createDirectories(home.resolve("backends/leftover"));
        WorkerClasspath cp = WorkerClasspath.distribution(home);
        List<String> names = cp.forBackend("djl").stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(List.of("harness-api.jar", "harness-worker.jar", "backend-djl.jar"), names);
        assertEquals(List.of("djl", "dl4j"), cp.installedBackends());

        UnknownBackendException e = assertThrows(UnknownBackendException.class, () -> cp.forBackend("tensorflw"));
        assertTrue(e.getMessage().contains("'tensorflw'") && e.getMessage().contains("installed backends: djl, dl4j"),
                e.getMessage());
        assertThrows(UnknownBackendException.class, () -> cp.forBackend("../core"));
        assertThrows(UnknownBackendException.class, () -> cp.forBackend("leftover"), "a folder without a descriptor");
        assertTrue(cp.catalog().problems().keySet().stream().anyMatch(k -> k.endsWith("leftover")));
        IllegalStateException notDist = assertThrows(IllegalStateException.class,
                () -> WorkerClasspath.distribution(dir.resolve("nowhere")));
        assertTrue(notDist.getMessage().contains("no core/ folder"));
    }

    @Test
    void backendRegistryListsWhatIsInstalledWhenTheIdIsUnknown() {
        UnknownBackendException e = assertThrows(UnknownBackendException.class, () -> BackendRegistry.find("nosuch"));
        assertTrue(e.getMessage().startsWith("unknown backend 'nosuch'"), e.getMessage());
        assertTrue(e.getMessage().contains("installed backends: "), e.getMessage());
    }

    @Test
    void layoutRejectsNamesThatCannotBeFolders() {
        RunLayout layout = RunLayout.of(dir, "quickstart");
        assertEquals(dir.resolve("quickstart/cells/c1/result.json").toAbsolutePath(), layout.resultFile("c1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunLayout.of(dir, "../x"));
        assertTrue(e.getMessage().contains("'../x'"));
        assertThrows(IllegalArgumentException.class, () -> layout.cellDir("a/b"));
        assertFalse(ConsoleProgress.duration(3725).isEmpty());
        assertEquals("1h02m", ConsoleProgress.duration(3725));
        assertEquals("4m12s", ConsoleProgress.duration(252));
        assertEquals("9s", ConsoleProgress.duration(9.4));
    }
}
