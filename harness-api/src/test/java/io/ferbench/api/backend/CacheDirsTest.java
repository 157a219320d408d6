package io.ferbench.api.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Where backends unpack native libraries. */
class CacheDirsTest {
    @Test
    void cacheIsThePropertyThenTheVariableThenTmp() {
        Properties props = new Properties();
        props.setProperty("java.io.tmpdir", "/tmp/x");
        assertEquals(Path.of("/tmp/x/ferbench-cache/djl"), CacheDirs.resolve("djl", Map.of(), props));
        assertEquals(Path.of("/data/javacpp"), CacheDirs.resolve("javacpp", Map.of("FERBENCH_CACHE", "/data"), props));
        props.setProperty("ferbench.cache", "/prop");
        assertEquals(Path.of("/prop/javacpp"), CacheDirs.resolve("javacpp", Map.of("FERBENCH_CACHE", "/data"), props));
    }
}
