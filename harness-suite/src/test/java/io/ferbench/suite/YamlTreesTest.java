package io.ferbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scalars are typed as YAML 1.2 (what the YAML language server and the JSON Schema see), not YAML 1.1. */
class YamlTreesTest {

    private static Object valueOf(String yamlValue) {
        Problems problems = new Problems("t.yaml");
        YamlNode.Mapping root = (YamlNode.Mapping) YamlTrees.parse("v: " + yamlValue + "\n", problems);
        assertTrue(problems.isEmpty());
        return ((YamlNode.Scalar) root.entries().get(0).value()).value();
    }

    @Test
    void plainScalarsFollowTheCoreSchema() {
        assertEquals(1e-8, valueOf("1e-8"), "YAML 1.1 would read 1e-8 as text");
        assertEquals(1e-8, valueOf("1.0e-8"));
        assertEquals(42L, valueOf("42"));
        assertEquals(16L, valueOf("0x10"));
        assertEquals(8L, valueOf("0o10"));
        assertEquals(new BigInteger("123456789012345678901234567890"), valueOf("123456789012345678901234567890"));
        assertEquals(Double.POSITIVE_INFINITY, valueOf(".inf"));
        assertEquals(true, valueOf("true"));
        assertEquals("yes", valueOf("yes"), "YAML 1.1 would read yes as a boolean");
        assertEquals("on", valueOf("on"));
        assertNull(valueOf("~"));
        assertNull(valueOf(""));
        assertEquals("1_000", valueOf("1_000"));
    }

    @Test
    void quotedAndExplicitlyTaggedScalarsAreText() {
        assertEquals("42", valueOf("\"42\""));
        assertEquals("true", valueOf("'true'"));
        assertEquals("42", valueOf("!!str 42"));
    }

    @Test
    void positionsAreOneBased() {
        Problems problems = new Problems("t.yaml");
        YamlNode.Mapping root = (YamlNode.Mapping) YamlTrees.parse("a: 1\nlist:\n  - x\n  - y\n", problems);
        YamlNode.Entry list = root.entries().get(1);
        assertEquals(new SourceMark(2, 1), list.keyMark());
        List<YamlNode> items = assertInstanceOf(YamlNode.Sequence.class, list.value()).items();
        assertEquals(new SourceMark(4, 5), items.get(1).mark());
    }

    @Test
    void recursiveAliasIsReportedNotFollowed() {
        Problems problems = new Problems("t.yaml");
        YamlTrees.parse("a: &x [1, *x]\n", problems);
        assertEquals(1, problems.count());
    }
}
