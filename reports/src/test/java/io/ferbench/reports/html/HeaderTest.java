package io.ferbench.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.Peak;
import io.ferbench.api.result.Timing;
import io.ferbench.worker.RunLayout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderTest {
    @Test
    void theCommandsRunTheSuiteAgainElsewhereResumeItAndRebuildTheReport() {
        CellResult r = TestCells.ok("c0", 0, TestCells.axes(), 0.5, 2, 0.5);
        Timing t = r.timing();
        CellResult peak = new CellResult(r.cell(), r.status(), null, null, r.dataset(), r.model(), r.training(),
                r.test(), new Timing(t.firstEpochSeconds(), t.medianEpochSeconds(), t.measuredEpochs(),
                t.trainImagesPerSecond(), t.trainGflops(), Peak.given(2500), t.peakShare(), null, t.inference()), r.peakRssMb(),
                r.environment(), null, r.startedAt(), r.finishedAt(), r.wallSeconds());
        RunFolder run = new RunFolder(new RunLayout(Path.of("/data/my results/demo")), "demo", "", null, List.of(peak),
                List.of("001-x"));
        assertEquals(List.of(
                "ferbench run '/data/my results/demo/suite.yaml' --out '/data/my results-rerun' --peak-gflops 2500",
                "ferbench run '/data/my results/demo/suite.yaml' --out '/data/my results' --resume --peak-gflops 2500",
                "ferbench report '/data/my results/demo'"), Header.commands(run));
    }

    @Test
    void theSummaryCountsEveryStatusAndTheCellsNotFinished() {
        assertEquals("3 cells: 1 ok, 1 diverged, 1 failed; 2 not finished (not run yet, running, or interrupted)",
                Header.summary(java.util.Map.of("ok", 1, "diverged", 1, "failed", 1, "unfinished", 2)));
        assertEquals("1 cell: 1 ok, 0 diverged, 0 failed",
                Header.summary(java.util.Map.of("ok", 1, "diverged", 0, "failed", 0, "unfinished", 0)));
    }

    @Test
    void theSetupLineNamesTheMachineAndEachFrameworkWithItsNativeLibrary() {
        Header.Machine machine = new Header.Machine("AMD EPYC", 2, 23.5, List.of(), "Linux", 9);
        List<Header.Backend> backends = List.of(
                new Header.Backend("djl", "DJL 0.36.0", "PyTorch 2.7.1", List.of("cpu"), ""),
                new Header.Backend("tensorflow", "TensorFlow Java 1.1.0", "TensorFlow 2.18.0", List.of("cpu"), ""));
        assertEquals("AMD EPYC · 2 cores · 23.5 GiB · no GPU · DJL 0.36.0 (PyTorch 2.7.1), TensorFlow Java 1.1.0 "
                + "(TensorFlow 2.18.0)", Header.setup(List.of(machine), backends));
        Header.Machine gpu = new Header.Machine("Xeon", 16, 128.0, List.of("NVIDIA H100"), "Linux", 3);
        assertEquals("Xeon · 16 cores · 128.0 GiB · NVIDIA H100", Header.setup(List.of(gpu), List.of()));
        assertEquals("2 machines · DJL 0.36.0 (PyTorch 2.7.1)",
                Header.setup(List.of(machine, gpu), backends.subList(0, 1)));
    }
}
