package io.ferbench.backend.tensorflow;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns IR names (node names, parameter keys) into TensorFlow operation and scope names, which must
 * match {@code [A-Za-z0-9.][A-Za-z0-9_.\-]*}: every other character, including the scope separator
 * {@code /}, becomes {@code _}. Distinct IR names that would collide get a numeric suffix, so the
 * mapping stays one-to-one within one instance.
 */
final class TfNames {
    private final Map<String, String> byIrName = new HashMap<>();
    private final Map<String, String> taken = new HashMap<>();

    /** The TensorFlow name of {@code irName} with {@code prefix} in front (the prefix must be valid). */
    String of(String prefix, String irName) {
        return byIrName.computeIfAbsent(prefix + "\u0000" + irName, k -> unique(prefix + sanitise(irName), irName));
    }

    private String unique(String candidate, String irName) {
        String name = candidate;
        for (int i = 2; taken.containsKey(name); i++) name = candidate + "_" + i;
        taken.put(name, irName);
        return name;
    }

    /** {@code name} with every character TensorFlow does not allow in a name replaced by {@code _}. */
    static String sanitise(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            sb.append(allowed ? c : '_');
        }
        if (sb.length() == 0 || sb.charAt(0) == '_' || sb.charAt(0) == '-') sb.insert(0, 'n');
        return sb.toString();
    }
}
