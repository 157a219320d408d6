package io.ferbench.api.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.cell.Device;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings maps read the same way by every backend, against its descriptor. */
class BackendSettingsTest {
    private static BackendDescriptor.Setting setting(String name, BackendDescriptor.Setting.Type type, Integer min,
                                                     String defaultValue) {
        return new BackendDescriptor.Setting(name, type, min, defaultValue, "");
    }

    /** Backend {@code x}: threads (integer ≥ 1, default 1), fast (boolean), gc (integer ≥ 0, default 7). */
    private static final BackendDescriptor X = new BackendDescriptor("x", "x", 1, List.of(Device.CPU), List.of(
            setting("threads", BackendDescriptor.Setting.Type.INTEGER, 1, "1"),
            setting("fast", BackendDescriptor.Setting.Type.BOOLEAN, null, null),
            setting("gc", BackendDescriptor.Setting.Type.INTEGER, 0, "7")), Map.of(), Map.of(), List.of());

    @Test
    void settingsRejectUnknownKeysListingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BackendSettings.of(X, Map.of("treads", "2")));
        assertEquals("unknown x backend setting 'treads'; valid settings are [fast, gc, threads]", e.getMessage());
    }

    @Test
    void settingsParseTrimmedValuesAndFallBackToDefaults() {
        BackendSettings s = BackendSettings.of(X, Map.of("threads", " 3 ", "fast", "TRUE"));
        assertEquals(3, s.integer("threads", 1));
        assertTrue(s.bool("fast"));
        assertEquals(7, s.integer("gc", 0));
        assertFalse(BackendSettings.of(X, Map.of()).bool("fast"));
    }

    @Test
    void malformedSettingsNameTheKeyAndTheValidRange() {
        assertEquals("x backend setting 'threads' must be a whole number >= 1, got '0'",
                assertThrows(IllegalArgumentException.class,
                        () -> BackendSettings.of(X, Map.of("threads", "0"))).getMessage());
        assertEquals("x backend setting 'threads' must be a whole number >= 1, got '99999999999'",
                assertThrows(IllegalArgumentException.class,
                        () -> BackendSettings.of(X, Map.of("threads", "99999999999"))).getMessage());
        assertEquals("x backend setting 'fast' must be true or false, got 'yes'",
                assertThrows(IllegalArgumentException.class,
                        () -> BackendSettings.of(X, Map.of("fast", "yes"))).getMessage());
    }
}
