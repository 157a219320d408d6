package io.ferbench.suite;

import io.ferbench.api.names.DidYouMean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The keys one kind of suite mapping accepts, in documentation order. */
final class KeyTable {
    private final String where;
    private final Map<String, SuiteKey> keys = new LinkedHashMap<>();
    private final Map<String, String> shortNames;

    /** @param where names the mapping in messages ("the matrix", "a dataset") */
    KeyTable(String where, List<SuiteKey> keys) {
        this(where, keys, Map.of());
    }

    /**
     * @param shortNames short names people may type for a key ({@code lr} for {@code learning_rate}), used only
     *                   to suggest the real key; the parser never accepts them
     */
    KeyTable(String where, List<SuiteKey> keys, Map<String, String> shortNames) {
        this.where = where;
        this.shortNames = Map.copyOf(shortNames);
        for (SuiteKey key : keys) {
            if (this.keys.put(key.name(), key) != null) {
                throw new IllegalArgumentException("key " + key.name() + " listed twice in " + where);
            }
        }
    }

    SuiteKey get(String name) { return keys.get(name); }

    Set<String> names() { return keys.keySet(); }

    List<SuiteKey> keys() { return List.copyOf(keys.values()); }

    String unknownKeyMessage(String name) {
        String suggestion = shortNames.containsKey(name)
                ? "; did you mean '" + shortNames.get(name) + "'?"
                : DidYouMean.hint(name, names());
        return "unknown key '" + name + "' in " + where + suggestion
                + (suggestion.isEmpty() ? " (valid keys: " + String.join(", ", names()) + ")" : "");
    }
}
