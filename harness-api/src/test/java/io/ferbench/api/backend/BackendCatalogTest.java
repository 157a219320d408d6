package io.ferbench.api.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.cell.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backends are discovered from the descriptors in a distribution's folders, never from a list in the harness. */
class BackendCatalogTest {
    @TempDir Path home;

    private void install(String folder, String descriptor) throws Exception {
        Path dir = Files.createDirectories(home.resolve("backends").resolve(folder));
        if (descriptor != null) Files.writeString(dir.resolve(BackendDescriptor.FILE), descriptor);
    }

    @Test
    void aFolderDroppedIntoTheDistributionIsListedWithItsSettingsAndEnvironment() throws Exception {
        install("onnx", """
                id=onnx
                name=ONNX Runtime
                order=5
                devices=cpu
                setting.graph_optimization.type=boolean
                setting.graph_optimization.default=true
                setting.graph_optimization.description=let ONNX Runtime fuse operators
                env.ORT_LOG_LEVEL=3
                property.onnx.cache={cache}/onnx
                """);
        install("first", "id=first\norder=1\n");
        BackendCatalog catalog = BackendCatalog.inDistribution(home);
        assertEquals(List.of("first", "onnx"), catalog.ids(), "in the descriptors' order");
        BackendDescriptor onnx = catalog.find("onnx").orElseThrow();
        assertEquals("ONNX Runtime", onnx.name());
        assertEquals(List.of(Device.CPU), onnx.devices());
        assertEquals(List.of("graph_optimization"), onnx.settingNames());
        assertEquals(Map.of("ORT_LOG_LEVEL", "3"), onnx.environmentFor(Path.of("/c")));
        assertEquals(Map.of("onnx.cache", "/c/onnx"), onnx.systemPropertiesFor(Path.of("/c")));
        assertTrue(catalog.problems().isEmpty(), catalog.problems().toString());
    }

    @Test
    void foldersThatCannotBeReadAreReportedNotListed() throws Exception {
        install("bare", null);
        install("renamed", "id=other\n");
        install("broken", "id=broken\nsetting.threads.type=number\n");
        install("typo", "id=typo\ndevice=cpu\n");
        BackendCatalog catalog = BackendCatalog.inDistribution(home);
        assertEquals(List.of(), catalog.ids());
        Map<String, String> problems = catalog.problems();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problem(problems, "bare").contains("no backend.properties"), problems.toString());
        assertTrue(problem(problems, "renamed").contains("names the id 'other'"), problems.toString());
        assertTrue(problem(problems, "broken").contains("setting.threads.type 'number'"), problems.toString());
        assertTrue(problem(problems, "typo").contains("unknown key 'device'"), problems.toString());
    }

    private static String problem(Map<String, String> problems, String folder) {
        return problems.entrySet().stream().filter(e -> e.getKey().endsWith("/" + folder)).findFirst().orElseThrow()
                .getValue();
    }

    @Test
    void settingsAreCheckedByTypeAndMinimumAndTakeTheDescriptorsDefaults() throws Exception {
        install("x", """
                id=x
                setting.threads.type=integer
                setting.threads.min=1
                setting.threads.default=2
                setting.fast.type=boolean
                """);
        BackendDescriptor x = BackendCatalog.inDistribution(home).find("x").orElseThrow();
        BackendDescriptor.Setting threads = x.setting("threads").orElseThrow();
        assertNull(threads.problem("4"));
        assertEquals("must be a whole number >= 1, got '0'", threads.problem("0"));
        assertEquals("must be true or false, got 'yes'", x.setting("fast").orElseThrow().problem("yes"));
        BackendSettings defaults = BackendSettings.of(x, Map.of());
        assertEquals(2, defaults.integer("threads", 0));
        assertEquals(false, defaults.bool("fast"));
        assertEquals(7, BackendSettings.of(x, Map.of("threads", "7")).integer("threads", 0));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> BackendSettings.of(x, Map.of("thread", "1")));
        assertTrue(unknown.getMessage().contains("unknown x backend setting 'thread'"), unknown.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> BackendSettings.of(x, Map.of("threads", "0")));
        assertEquals("x backend setting 'threads' must be a whole number >= 1, got '0'", bad.getMessage());
    }
}
