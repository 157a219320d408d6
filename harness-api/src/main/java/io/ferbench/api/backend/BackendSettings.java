package io.ferbench.api.backend;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a backend's {@link BackendOptions#settings() settings} map: rejects keys the backend does not know and
 * parses typed values, so every backend reports a bad suite entry the same way, naming the backend, the key and
 * what would be valid.
 */
public final class BackendSettings {
    private final String backend;
    private final Map<String, String> settings;
    private final BackendDescriptor descriptor;

    private BackendSettings(String backend, Map<String, String> settings, BackendDescriptor descriptor) {
        this.backend = backend;
        this.settings = settings;
        this.descriptor = descriptor;
    }

    /**
     * Checks {@code settings} against the keys, types and minimums the backend's descriptor declares; values left
     * out take the descriptor's defaults.
     *
     * @throws IllegalArgumentException for an unknown key (listing the valid ones) or a malformed value
     */
    public static BackendSettings of(BackendDescriptor descriptor, Map<String, String> settings) {
        of(descriptor.id(), settings, descriptor.settingNames());
        settings.forEach((key, value) -> {
            String problem = descriptor.setting(key).orElseThrow().problem(value);
            if (problem != null) {
                throw new IllegalArgumentException(descriptor.id() + " backend setting '" + key + "' " + problem);
            }
        });
        return new BackendSettings(descriptor.id(), settings, descriptor);
    }

    /** A declared integer setting: the suite's value, else the descriptor's default, else {@code whenUnset}. */
    public int integer(String key, int whenUnset) {
        String value = valueOrDefault(key);
        return value == null ? whenUnset : Integer.parseInt(value);
    }

    /** A declared boolean setting: the suite's value, else the descriptor's default, else false. */
    public boolean bool(String key) {
        String value = valueOrDefault(key);
        return value != null && value.equalsIgnoreCase("true");
    }

    private String valueOrDefault(String key) {
        BackendDescriptor.Setting setting = descriptor.setting(key).orElseThrow(() -> new IllegalArgumentException(
                backend + " declares no setting '" + key + "' in its " + BackendDescriptor.FILE));
        String value = value(key);
        return value != null ? value : setting.defaultValue();
    }

    /**
     * Checks {@code settings} against {@code validKeys}.
     *
     * @param backend   the backend id, used in error messages
     * @throws IllegalArgumentException for a key outside {@code validKeys}, listing the valid ones
     */
    public static BackendSettings of(String backend, Map<String, String> settings, Collection<String> validKeys) {
        Set<String> valid = new TreeSet<>(validKeys);
        for (String key : settings.keySet()) {
            if (!valid.contains(key)) {
                throw new IllegalArgumentException("unknown " + backend + " backend setting '" + key
                        + "'; valid settings are " + valid);
            }
        }
        return new BackendSettings(backend, settings, null);
    }

    /** The trimmed value of {@code key}, or {@code null} when the key is absent. */
    private String value(String key) {
        if (!settings.containsKey(key)) return null;
        String value = settings.get(key);
        return value == null ? "" : value.trim();
    }

    /** A whole number {@code >= min}; {@code defaultValue} when the key is absent. */
    public int intAtLeast(String key, int min, int defaultValue) {
        return intAtLeast(key, min, defaultValue, "");
    }

    /**
     * A whole number {@code >= min}; {@code defaultValue} when the key is absent.
     *
     * @param hint  added to the error message after the valid range, e.g. {@code " (milliseconds; 0 = off)"}
     */
    public int intAtLeast(String key, int min, int defaultValue, String hint) {
        String value = value(key);
        if (value == null) return defaultValue;
        try {
            int n = Integer.parseInt(value);
            if (n >= min) return n;
        } catch (NumberFormatException ignored) {
            // reported below with the valid range
        }
        throw new IllegalArgumentException(backend + " backend setting '" + key + "' must be a whole number >= "
                + min + hint + ", got '" + value + "'");
    }

    /** {@code true} or {@code false} (any case); {@code defaultValue} when the key is absent. */
    public boolean bool(String key, boolean defaultValue) {
        String value = value(key);
        if (value == null) return defaultValue;
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(backend + " backend setting '" + key
                    + "' must be true or false, got '" + value + "'");
        };
    }
}
