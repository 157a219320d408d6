package io.ferbench.backend.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import io.ferbench.api.testing.ModelFixtures;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Provider discovery, the recorded configuration, devices, settings and the cache directory. */
class BackendTest {

    @Test
    void infoRecordsVersionsDeviceAndConfiguration() {
        BackendInfo info = Fixtures.backend().info();
        assertEquals("djl", info.id());
        assertEquals("DJL 0.36.0", info.framework());
        assertEquals("PyTorch 2.7.1", info.nativeVersion());
        boolean gpu = !Fixtures.DEVICE.equals("cpu") && !info.configuration().get("gpus.visible").equals("0");
        assertEquals(gpu ? "gpu(0)" : "cpu", info.device());
        assertEquals("2", info.configuration().get("threads.intra_op"));
        assertEquals("1", info.configuration().get("threads.inter_op"));
        assertEquals("true", info.configuration().get("offline"));
        assertTrue(info.configuration().get("cache_dir").endsWith("djl-cache"),
                "surefire points DJL's cache into target/: " + info.configuration().get("cache_dir"));
    }

    @Test
    void aGpuRequestWithoutAGpuIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceChoice.resolve("gpu", 0, "PyTorch 2.7.1"));
        assertTrue(e.getMessage().contains("sees no GPU") && e.getMessage().contains("-Pcuda"), e.getMessage());
        assertEquals(Device.cpu(), DeviceChoice.resolve("auto", 0, "x"));
        assertEquals(Device.gpu(0), DeviceChoice.resolve("auto", 2, "x"));
        assertEquals(Device.cpu(), DeviceChoice.resolve("CPU", 2, "x"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DeviceChoice.resolve("tpu", 0, "x"));
        assertTrue(unknown.getMessage().contains("auto, cpu, gpu"), unknown.getMessage());
        assertEquals("gpu(1)", DeviceChoice.describe(Device.gpu(1)));
    }

    @Test
    void withoutAGpuTheProviderRefusesDeviceGpu() {
        assumeTrue(Fixtures.backend().info().configuration().get("gpus.visible").equals("0"), "no GPU visible");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DjlBackendProvider().create(new BackendOptions("gpu", 0, Map.of())));
        assertTrue(e.getMessage().contains("PyTorch 2.7.1"), e.getMessage());
    }

    @Test
    void settingsAreCheckedByName() {
        assertEquals(new DjlSettings(3, true, true),
                DjlSettings.of(Map.of("interop_threads", "3", "cudnn_benchmark", "true")));
        assertFalse(DjlSettings.of(Map.of("channels_last", "false")).channelsLast());
        assertTrue(DjlSettings.defaults().channelsLast());
        assertEquals(DjlSettings.defaults(), DjlSettings.of(Map.of()));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DjlSettings.of(Map.of("interop", "2")));
        assertTrue(unknown.getMessage().contains("'interop'") && unknown.getMessage().contains("interop_threads"),
                unknown.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> DjlSettings.of(Map.of("interop_threads", "0")));
        assertTrue(bad.getMessage().contains("'0'"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DjlSettings.of(Map.of("cudnn_benchmark", "yes")));
    }

    @Test
    void cacheDirectoryPrefersDjlVariablesThenTheFerbenchCacheThenTmp() {
        Properties props = new Properties();
        props.setProperty("java.io.tmpdir", "/tmp/x");
        assertEquals(Paths.get("/tmp/x/ferbench-cache/djl"), EngineSetup.cacheDirectory(Map.of(), props));
        assertEquals(Paths.get("/data/cache/djl"),
                EngineSetup.cacheDirectory(Map.of("FERBENCH_CACHE", "/data/cache"), props));
        props.setProperty("ferbench.cache", "/fast/cache");
        assertEquals(Paths.get("/fast/cache/djl"),
                EngineSetup.cacheDirectory(Map.of("FERBENCH_CACHE", "/data/cache"), props));
        assertNull(EngineSetup.cacheDirectory(Map.of("DJL_CACHE_DIR", "/djl"), props), "DJL's own setting wins");
        props.setProperty("ENGINE_CACHE_DIR", "/engine");
        assertNull(EngineSetup.cacheDirectory(Map.of(), props));
    }

    @Test
    void closingTheBackendClosesItsModels() {
        ModelGraph graph = ModelFixtures.tinyGraph(0.0);
        DjlBackend backend = new DjlBackend(BackendOptions.cpu());
        TrainableModel model = backend.build(graph, ModelFixtures.spec(graph, 1, 1e-3));
        backend.close();
        assertThrows(IllegalStateException.class, model::exportWeights);
        assertThrows(IllegalStateException.class, () -> backend.build(graph, ModelFixtures.spec(graph, 1, 1e-3)));
    }
}
