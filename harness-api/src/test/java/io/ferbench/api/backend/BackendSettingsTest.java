package io.ferbench.api.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings maps read the same way by every backend. */
class BackendSettingsTest {
    @Test
    void settingsRejectUnknownKeysListingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackendSettings.of("x", Map.of("treads", "2"), List.of("threads", "fast")));
        assertEquals("unknown x backend setting 'treads'; valid settings are [fast, threads]", e.getMessage());
    }

    @Test
    void settingsParseTrimmedValuesAndFallBackToDefaults() {
        BackendSettings s = BackendSettings.of("x", Map.of("threads", " 3 ", "fast", "TRUE"), List.of("threads", "fast", "gc"));
        assertEquals(3, s.intAtLeast("threads", 1, 1));
        assertTrue(s.bool("fast", false));
        assertEquals(7, s.intAtLeast("gc", 0, 7));
        assertFalse(s.bool("gc", false));
    }

    @Test
    void malformedSettingsNameTheKeyAndTheValidRange() {
        BackendSettings s = BackendSettings.of("x", Map.of("threads", "0", "fast", "yes"), List.of("threads", "fast"));
        assertEquals("x backend setting 'threads' must be a whole number >= 1 (threads), got '0'",
                assertThrows(IllegalArgumentException.class, () -> s.intAtLeast("threads", 1, 1, " (threads)")).getMessage());
        assertEquals("x backend setting 'fast' must be true or false, got 'yes'",
                assertThrows(IllegalArgumentException.class, () -> s.bool("fast", false)).getMessage());
    }
}
