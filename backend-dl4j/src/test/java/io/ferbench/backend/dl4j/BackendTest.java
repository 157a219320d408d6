package io.ferbench.backend.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.backend.BackendInfo;
import io.ferbench.api.backend.BackendOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The provider, its options and what BackendInfo records. */
class BackendTest {
    private final Dl4jBackendProvider provider = new Dl4jBackendProvider();

    @Test
    void infoRecordsVersionsDeviceAndTheConfigurationInEffect() {
        BackendInfo info = Fixtures.backend().info();
        assertEquals("dl4j", info.id());
        assertEquals("Deeplearning4j 1.0.0-M2.1", info.framework());
        assertTrue(info.nativeVersion().startsWith("libnd4j 1.0.0-M2.1 CPU (oneDNN"), info.nativeVersion());
        assertEquals("cpu", info.device());
        Map<String, String> c = info.configuration();
        assertEquals("true", c.get("onednn"));
        assertEquals("10000", c.get("gc_interval_ms"));
        assertEquals("2", c.get("threads.max"));
        assertTrue(c.get("native_build").contains("HAVE_ONEDNN"), c.get("native_build"));
        assertTrue(c.get("workspace_mode").startsWith("ENABLED"));
    }

    @Test
    void settingsAreValidatedNamingTheKey() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> provider.create(new BackendOptions("cpu", 0, Map.of("mkldnn", "true"))));
        assertEquals("unknown dl4j backend setting 'mkldnn'; valid settings are [gc_interval_ms, onednn, onednn_3x3_backward]",
                unknown.getMessage());
        assertEquals("dl4j backend setting 'onednn' must be true or false, got 'yes'",
                assertThrows(IllegalArgumentException.class,
                        () -> Dl4jSettings.of(Map.of("onednn", "yes"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Dl4jSettings.of(Map.of("gc_interval_ms", "-1"))).getMessage().contains("'gc_interval_ms'"));
        assertEquals(new Dl4jSettings(false, 0, false), Dl4jSettings.of(Map.of("onednn", " FALSE ", "gc_interval_ms", "0")));
        assertEquals(Dl4jSettings.defaults(), Dl4jSettings.of(Map.of()));
    }

    @Test
    void deviceMustMatchTheNativeBuild() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> provider.create(new BackendOptions("gpu", 0, Map.of()))).getMessage().contains("-Pcuda"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> provider.create(new BackendOptions("tpu", 0, Map.of()))).getMessage().contains("'tpu'"));
        assertEquals("cpu", provider.create(new BackendOptions("auto", 0, Map.of())).info().device());
    }

    @Test
    void javacppCacheGoesUnderTheFerbenchCacheNeverHome() {
        Properties p = new Properties();
        p.setProperty("java.io.tmpdir", "/tmp/x");
        assertEquals(Path.of("/tmp/x/ferbench-cache/javacpp"), Nd4jRuntime.cacheDirectory(Map.of(), p));
        assertEquals(Path.of("/data/cache/javacpp"),
                Nd4jRuntime.cacheDirectory(Map.of("FERBENCH_CACHE", "/data/cache"), p));
        p.setProperty("ferbench.cache", "/prop");
        assertEquals(Path.of("/prop/javacpp"), Nd4jRuntime.cacheDirectory(Map.of("FERBENCH_CACHE", "/data"), p));
    }
}
