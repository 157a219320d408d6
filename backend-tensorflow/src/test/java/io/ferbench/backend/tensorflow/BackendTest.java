package io.ferbench.backend.tensorflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ferbench.api.backend.Backend;
import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.backend.BackendOptions;
import io.ferbench.api.backend.BackendProvider;
import io.ferbench.api.backend.TrainableModel;
import io.ferbench.api.ir.ModelGraph;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;

/** The provider as the worker finds it, the options it accepts and what it records. */
class BackendTest {

    @Test
    void registeredThroughServiceLoaderAndRecordsItsConfiguration() {
        BackendProvider provider = Fixtures.provider("tensorflow");
        assertEquals("TensorFlow Java", provider.displayName());
        try (Backend backend = provider.create(new BackendOptions("cpu", 2, Map.of("interop_threads", "1")))) {
            BackendInfo info = backend.info();
            assertEquals("tensorflow", info.id());
            assertEquals("TensorFlow Java 1.1.0", info.framework());
            assertTrue(info.nativeVersion().startsWith("TensorFlow 2.18"), info.nativeVersion());
            assertEquals("cpu", info.device());
            assertEquals("2", info.configuration().get("threads.intra_op"));
            assertEquals("1", info.configuration().get("threads.inter_op"));
            assertEquals("NHWC", info.configuration().get("data_format"));
            assertTrue(info.configuration().containsKey("onednn"));
        }
    }

    @Test
    void closingTheBackendClosesItsModelsAndRefusesNewOnes() {
        ModelGraph graph = Fixtures.tinyGraph(0);
        Backend backend = Fixtures.provider("tensorflow").create(BackendOptions.cpu());
        TrainableModel model = backend.build(graph, Fixtures.spec(graph, 1, 1e-3));
        backend.close();
        assertThrows(IllegalStateException.class, () -> model.predict(Fixtures.batch(graph, 1, 1), false));
        assertThrows(IllegalStateException.class, () -> backend.build(graph, Fixtures.spec(graph, 1, 1e-3)));
    }

    @Test
    void badOptionsAreNamed() {
        BackendProvider provider = Fixtures.provider("tensorflow");
        IllegalArgumentException device = assertThrows(IllegalArgumentException.class,
                () -> provider.create(new BackendOptions("tpu", 0, Map.of())));
        assertTrue(device.getMessage().contains("'tpu'") && device.getMessage().contains("auto, cpu, gpu"), device.getMessage());
        IllegalArgumentException setting = assertThrows(IllegalArgumentException.class,
                () -> provider.create(new BackendOptions("cpu", 0, Map.of("intra_threads", "2"))));
        assertTrue(setting.getMessage().contains("'intra_threads'") && setting.getMessage().contains("interop_threads"),
                setting.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
                () -> provider.create(new BackendOptions("cpu", 0, Map.of("interop_threads", "two"))));
        assertTrue(value.getMessage().contains("'two'"), value.getMessage());
        assertThrows(IllegalArgumentException.class, () -> provider.create(new BackendOptions("cpu", -1, Map.of())));
    }

    @Test
    void gpuWithoutAGpuSaysHowToGetOne() {
        assumeTrue(Devices.visibleGpus() == 0, "this machine has a GPU");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fixtures.provider("tensorflow").create(new BackendOptions("gpu", 0, Map.of())));
        assertTrue(e.getMessage().contains("-Pgpu"), e.getMessage());
        try (Backend auto = Fixtures.provider("tensorflow").create(new BackendOptions("auto", 0, Map.of()))) {
            assertEquals("cpu", auto.info().device(), "auto without a GPU is the CPU");
        }
    }

    @Test
    void sessionConfigHidesGpusOnTheCpuAndSetsThreads() {
        ConfigProto cpu = TensorFlowBackend.sessionConfig(3, 1, false);
        assertEquals(3, cpu.getIntraOpParallelismThreads());
        assertEquals(1, cpu.getInterOpParallelismThreads());
        assertEquals(0, cpu.getDeviceCountOrThrow("GPU"));
        ConfigProto gpu = TensorFlowBackend.sessionConfig(0, 0, true);
        assertTrue(gpu.getGpuOptions().getAllowGrowth(), "the GPU is not reserved whole");
        assertTrue(gpu.getAllowSoftPlacement());
    }

    @Test
    void oneDnnSwitchIsReadAsTensorFlowReadsIt() {
        assertEquals("on (default)", TensorFlowBackend.oneDnn(null));
        assertTrue(TensorFlowBackend.oneDnn("0").startsWith("off"));
        assertTrue(TensorFlowBackend.oneDnn("false").startsWith("off"));
        assertTrue(TensorFlowBackend.oneDnn("1").startsWith("on"));
    }

    @Test
    void nativeCacheStaysOutOfTheHomeDirectory() {
        Properties props = new Properties();
        props.setProperty("java.io.tmpdir", "/tmp/x");
        assertEquals(Path.of("/tmp/x/ferbench-cache/javacpp"), NativeCache.directory(Map.of(), props));
        assertEquals(Path.of("/data/cache/javacpp"), NativeCache.directory(Map.of("FERBENCH_CACHE", "/data/cache"), props));
        props.setProperty("ferbench.cache", "/opt/fb");
        assertEquals(Path.of("/opt/fb/javacpp"), NativeCache.directory(Map.of("FERBENCH_CACHE", "/data/cache"), props));
        props.setProperty("org.bytedeco.javacpp.cachedir", "/given");
        assertNull(NativeCache.directory(Map.of(), props), "an explicit JavaCPP cache directory is kept");
        // the tests' JVM gets one from surefire, and the backend reports it
        assertEquals(System.getProperty("org.bytedeco.javacpp.cachedir"),
                Fixtures.backend().info().configuration().get("javacpp.cachedir"));
    }
}
