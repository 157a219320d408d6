package io.ferbench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The key table is consistent with itself: defaults are values its own rules accept. */
class SuiteKeysTest {

    /**
     * A default must be exactly what the parser makes of the same value written in a suite (same Java type),
     * or include/exclude entries would not match defaulted axes.
     */
    @Test
    void everyDefaultIsWhatItsRuleReadsFromTheSameText() {
        Stream.of(SuiteKeys.TOP, SuiteKeys.DATASET, SuiteKeys.MATRIX_KEYS, SuiteKeys.LOG_RANGE_KEYS)
                .flatMap(table -> table.keys().stream())
                .filter(key -> key.defaultValue() != null)
                .forEach(key -> {
                    String text = NumberText.of(key.defaultValue());
                    Problems problems = new Problems("defaults");
                    Object read = key.rule().read(new YamlNode.Scalar(YamlTrees.coreSchemaValue(text), text,
                            SourceMark.START), key.name(), problems);
                    assertTrue(problems.isEmpty(), key.name() + " default " + text + " is not valid");
                    assertEquals(key.defaultValue(), read, key.name());
                });
    }

    @Test
    void onlyTheDatasetAxisHasNoDefault() {
        for (MatrixAxis axis : MatrixAxis.values()) {
            if (axis == MatrixAxis.DATASET) {
                assertNull(axis.defaultValue());
            } else {
                assertTrue(axis.defaultValue() != null, axis.key());
            }
        }
    }

    @Test
    void shortNamesAreNotKeys() {
        for (String shortName : MatrixAxis.shortNames().keySet()) {
            assertNull(SuiteKeys.MATRIX_KEYS.get(shortName), shortName);
        }
        assertEquals("learning_rate", MatrixAxis.shortNames().get("lr"));
    }
}
