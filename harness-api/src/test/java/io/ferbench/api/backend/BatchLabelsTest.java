package io.ferbench.api.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The label check every backend's loss relies on, written once. */
class BatchLabelsTest {
    @Test
    void labelsMustBeClassIndicesAndTheFirstBadOneIsNamed() {
        new Batch(new float[3], new int[] {0, 2, 1}, 3, 1, 1, 1).requireClassLabels(3);
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
                () -> new Batch(new float[3], new int[] {0, 3, -1}, 3, 1, 1, 1).requireClassLabels(3));
        assertEquals("label 3 of sample 1 is not a class index in [0, 3)", high.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new Batch(new float[1], null, 1, 1, 1, 1).requireClassLabels(3));
        assertTrue(none.getMessage().contains("no labels"), none.getMessage());
    }
}
