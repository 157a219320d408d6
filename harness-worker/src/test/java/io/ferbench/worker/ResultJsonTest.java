package io.ferbench.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.result.CellResult;
import io.ferbench.api.result.CellStatus;
import io.ferbench.api.result.ClassScore;
import io.ferbench.api.result.DatasetSummary;
import io.ferbench.api.result.Divergence;
import io.ferbench.api.result.EnvironmentInfo;
import io.ferbench.api.result.EpochRecord;
import io.ferbench.api.result.FeatureSample;
import io.ferbench.api.result.InferenceTiming;
import io.ferbench.api.result.ModelCost;
import io.ferbench.api.result.RocPoints;
import io.ferbench.api.result.TestMetrics;
import io.ferbench.api.result.Peak;
import io.ferbench.api.result.Timing;
import io.ferbench.api.result.TrainingSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultJsonTest {
    @TempDir Path dir;

    static CellResult fullResult() {
        TestMetrics test = new TestMetrics(4, 0.75, 0.6, 0.7, 0.71, 0.72, 0.73, 0.74, 0.75, null,
                List.of(new ClassScore("happy", 1, 0.5, 0.667, 2), new ClassScore("sad", 0.667, 1, 0.8, 2)),
                new int[][] {{1, 1}, {0, 2}},
                List.of(new RocPoints("happy", new double[] {0, 0.5, 1}, new double[] {0, 1, 1}, 0.875)));
        InferenceTiming inf = new InferenceTiming(8, 20, 512.5, 15.6, 17.0, 100, 2.1, 3.4, 1.2);
        return new CellResult(CellResultsTest.spec(), CellStatus.OK, null, null,
                new DatasetSummary("faces", List.of("happy", "sad"), 10, 3, 4, 0.5, 0.2, 1),
                new ModelCost(11_689_512, 1_814_077_440L),
                new TrainingSummary(2, 2, false, false, List.of(
                        new EpochRecord(1, 0.7, 0.5, 0.69, 0.5, 2.5, 2.0, 1e-3, 512.0),
                        new EpochRecord(2, 0.6, 0.6, 0.65, 0.66, 1.5, 1.2, 1e-3, null))),
                test, new Timing(2.5, 1.5, 1, 8.3, 0.2, Peak.given(130), 0.0015, 0.01, inf), 812.5,
                new EnvironmentInfo("cpu", 2, 23000, "jvm", "linux", Map.of("OMP_WAIT_POLICY", "PASSIVE"),
                        new BackendInfo("djl", "DJL 0.36.0", "PyTorch 2.7.1", "cpu", Map.of("threads", "2"))),
                new FeatureSample(new int[] {0, 1}, new float[][] {{0.25f, -1.5f}, {3e-8f, 7f}}),
                "2025-01-01T00:00:00Z", "2025-01-01T00:01:00Z", 60.0);
    }

    @Test
    void aResultSurvivesTheRoundTripThroughItsFile() throws Exception {
        CellResult r = fullResult();
        Path file = dir.resolve("result.json");
        JsonFiles.write(file, r, false);
        String json = Files.readString(file);
        assertTrue(json.contains("\"status\":\"ok\""), "statuses are written in lower case: " + json.substring(0, 200));
        CellResult back = JsonFiles.read(file, CellResult.class);
        assertEquals(r.cell(), back.cell());
        assertEquals(r.training(), back.training());
        assertEquals(r.environment(), back.environment());
        assertEquals(r.dataset(), back.dataset());
        assertEquals(r.timing(), back.timing());
        assertArrayEquals(r.test().confusion(), back.test().confusion());
        assertArrayEquals(r.test().roc().get(0).tpr(), back.test().roc().get(0).tpr());
        assertEquals(r.test().perClass(), back.test().perClass());
        assertArrayEquals(r.features().vectors(), back.features().vectors());
        assertEquals(CellStatus.OK, back.status());
        assertEquals(r.peakRssMb(), back.peakRssMb());
    }

    @Test
    void theFileNamesEachFigureAsTheResultsTablesDoInSnakeCase() throws Exception {
        Path file = dir.resolve("result.json");
        JsonFiles.write(file, fullResult(), true);
        String json = Files.readString(file);
        for (String name : List.of("time_per_epoch_s", "first_epoch_s", "train_images_per_s", "achieved_gflops",
                "inference_images_per_s", "latency_p50_ms", "test_accuracy", "macro_f1", "peak_rss_mib", "wall_s",
                "params", "train_images", "cpu", "cores", "backend_version", "max_epochs", "timeout_s", "rss_mib",
                "started_at", "ferbench_version", "git_commit")) {
            assertTrue(json.contains("\"" + name + "\" :"), name + " in " + json);
        }
        assertFalse(json.matches("(?s).*\"[a-z0-9]+[A-Z]\\w*\" :.*"), "no camelCase property: " + json);
        assertTrue(json.contains("\"OMP_WAIT_POLICY\" : \"PASSIVE\""), "map keys are data and keep their names");
    }

    @Test
    void aResultWrittenWithTheOldCamelCaseNamesIsReadTheSame() throws Exception {
        CellResult r = fullResult();
        Path file = dir.resolve("old-result.json");
        // how ferbench wrote results before its files were snake_case: the records' Java names
        Files.writeString(file, com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .enable(com.fasterxml.jackson.databind.cfg.EnumFeature.WRITE_ENUMS_TO_LOWERCASE).build()
                .writeValueAsString(r));
        assertTrue(Files.readString(file).contains("\"medianEpochSeconds\""));
        CellResult back = JsonFiles.read(file, CellResult.class);
        assertEquals(r.cell(), back.cell());
        assertEquals(r.timing(), back.timing());
        assertEquals(r.environment(), back.environment());
        assertEquals(r.training(), back.training());
        assertEquals(r.dataset(), back.dataset());
        assertEquals(r.peakRssMb(), back.peakRssMb());
        assertEquals(r.test().accuracy(), back.test().accuracy());
        assertEquals(r.wallSeconds(), back.wallSeconds());
    }

    @Test
    void aFailedResultWithNullsRoundTrips() {
        CellResult r = CellResults.failed(CellResultsTest.spec(), "boom <&>", java.time.Instant.EPOCH,
                java.time.Instant.EPOCH.plusSeconds(3), null);
        Path file = dir.resolve("failed.json");
        JsonFiles.write(file, r, true);
        CellResult back = JsonFiles.read(file, CellResult.class);
        assertEquals(CellStatus.FAILED, back.status());
        assertEquals("boom <&>", back.error());
        assertEquals(3.0, back.wallSeconds());
        Divergence d = new Divergence(3, 7, "train_loss", "NaN");
        assertEquals("train_loss became NaN in epoch 3, step 7", d.describe());
    }

    @Test
    void aDamagedFileIsNamedInTheError() throws Exception {
        Path file = dir.resolve("result.json");
        Files.writeString(file, "{\"config\": [1, 2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonFiles.read(file, CellResult.class));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("CellResult"), e.getMessage());
    }

    @Test
    void atomicWritesLeaveNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("sub/out.txt");
        AtomicFiles.writeString(file, "one");
        AtomicFiles.writeString(file, "two");
        assertEquals("two", Files.readString(file));
        try (var s = Files.list(file.getParent())) {
            assertEquals(List.of(file), s.toList());
        }
    }

    @Test
    void aResultWithoutItsCellIsRefusedSayingWhy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path old = dir.resolve("result.json");
        java.nio.file.Files.writeString(old, "{\"config\": {\"cellId\": \"000-djl\"}, \"status\": \"ok\"}");
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> CellResults.read(old));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("older ferbench"), e.getMessage());
    }
}
