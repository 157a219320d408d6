package io.ferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ferbench backends} lists what the descriptors on this test's classpath declare: DJL and TensorFlow with their
 * engines, DL4J's jar without its engine (so known to suites, not installed here).
 */
class BackendsCommandTest {
    @Test
    void listsEveryDescribedBackendWithItsSettingsAndWhetherItIsInstalled() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        assertEquals(0, cmd.execute("backends", "--format", "csv"), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals("backend,name,installed,devices,settings", lines.get(0));
        assertEquals(List.of("djl", "tensorflow", "dl4j"), lines.stream().skip(1).map(l -> l.split(",")[0]).toList(),
                "in the descriptors' order");
        assertTrue(lines.get(1).contains("yes") && lines.get(1).contains("interop_threads (integer >= 1, default 1)"),
                lines.get(1));
        assertTrue(lines.get(3).contains("no (engine missing)") && lines.get(3).contains("onednn (boolean, default true)"),
                lines.get(3));
    }
}
