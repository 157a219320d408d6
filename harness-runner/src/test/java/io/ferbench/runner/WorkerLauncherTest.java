package io.ferbench.runner;

import io.ferbench.api.testing.CellFixtures;
import io.ferbench.worker.RunLayout;
import io.ferbench.worker.WorkerMain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.worker.env.CacheDirectory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerLauncherTest {
    @TempDir Path dir;

    @Test
    void workerCommandSetsHeapCachesAndClasspathAndNamesTheRequest() {
        RunOptions options = RunOptions.defaults(dir).withCache(new CacheDirectory(dir.resolve("cache")))
                .withWorkerHeap("3g").withWorkerJvmArgs(List.of("-Dextra=1"));
        RunLayout layout = RunLayout.of(dir, "s");
        List<String> cmd = new WorkerLauncher(options, WorkerClasspath.currentJvm()).command(CellFixtures.cell(), layout);
        assertTrue(cmd.get(0).endsWith("/bin/java"), cmd.get(0));
        assertTrue(cmd.contains("-Xmx3g"));
        assertTrue(cmd.contains("-Xmn32m"), "a small fixed young generation: " + cmd);
        assertTrue(cmd.contains("-XX:+ExitOnOutOfMemoryError"));
        assertTrue(cmd.contains("-DDJL_CACHE_DIR=" + dir.resolve("cache/djl").toAbsolutePath()));
        assertTrue(cmd.stream().noneMatch(a -> a.startsWith("-Dorg.bytedeco.javacpp.cachedir")),
                "only what the djl backend's descriptor asks for: " + cmd);
        assertTrue(cmd.contains("-Dextra=1"));
        int cp = cmd.indexOf("-cp");
        assertTrue(cmd.get(cp + 1).split(java.io.File.pathSeparator).length > 3);
        assertEquals(List.of(WorkerMain.class.getName(), layout.requestFile("cell-0").toString(),
                layout.cellDir("cell-0").toString()), cmd.subList(cp + 2, cmd.size()));
    }

    @Test
    void aSmallHeapGetsAQuarterOfItAsYoungGeneration() {
        RunOptions options = RunOptions.defaults(dir).withCache(new CacheDirectory(dir.resolve("cache")))
                .withWorkerHeap("64m");
        List<String> cmd = new WorkerLauncher(options, WorkerClasspath.currentJvm())
                .command(CellFixtures.cell(), RunLayout.of(dir, "s"));
        assertTrue(cmd.contains("-Xmx64m") && cmd.contains("-Xmn16m"), cmd.toString());
    }

    @Test
    void defaultHeapIsAQuarterOfMemoryWithinOneAndSixteenGiB() {
        long heap = WorkerHeap.defaultMib();
        assertTrue(heap >= 1024 && heap <= 16 * 1024, heap + " MiB");
    }
}
