package io.ferbench.api.backend;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a backend's {@link BackendOptions#settings() settings} map against the backend's {@link BackendDescriptor}:
 * rejects keys the backend does not declare, checks each value's type and minimum, and fills in the declared
 * defaults, so every backend reports a bad suite entry the same way (naming the backend, the key and what would be
 * valid) and declares its settings once.
 */
public final class BackendSettings {
    private final BackendDescriptor descriptor;
    private final Map<String, String> settings;

    private BackendSettings(BackendDescriptor descriptor, Map<String, String> settings) {
        this.descriptor = descriptor;
        this.settings = settings;
    }

    /**
     * Checks {@code settings} against the keys, types and minimums the backend's descriptor declares; values left
     * out take the descriptor's defaults.
     *
     * @throws IllegalArgumentException for an unknown key (listing the valid ones) or a malformed value
     */
    public static BackendSettings of(BackendDescriptor descriptor, Map<String, String> settings) {
        Set<String> valid = new TreeSet<>(descriptor.settingNames());
        for (String key : settings.keySet()) {
            if (!valid.contains(key)) {
                throw new IllegalArgumentException("unknown " + descriptor.id() + " backend setting '" + key
                        + "'; valid settings are " + valid);
            }
        }
        settings.forEach((key, value) -> {
            String problem = descriptor.setting(key).orElseThrow().problem(value);
            if (problem != null) {
                throw new IllegalArgumentException(descriptor.id() + " backend setting '" + key + "' " + problem);
            }
        });
        return new BackendSettings(descriptor, settings);
    }

    /** A declared integer setting: the suite's value, else the descriptor's default, else {@code whenUnset}. */
    public int integer(String key, int whenUnset) {
        String value = valueOrDefault(key);
        return value == null ? whenUnset : Integer.parseInt(value);
    }

    /** A declared boolean setting: the suite's value (any case), else the descriptor's default, else false. */
    public boolean bool(String key) {
        String value = valueOrDefault(key);
        return value != null && value.equalsIgnoreCase("true");
    }

    /** The trimmed value of {@code key}, else the descriptor's default (null when it declares none). */
    private String valueOrDefault(String key) {
        BackendDescriptor.Setting setting = descriptor.setting(key).orElseThrow(() -> new IllegalArgumentException(
                descriptor.id() + " declares no setting '" + key + "' in its " + BackendDescriptor.FILE));
        if (!settings.containsKey(key)) return setting.defaultValue();
        String value = settings.get(key);
        return value == null ? "" : value.trim();
    }
}
