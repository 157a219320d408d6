package io.ferbench.worker.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which of a source's classes are used, and their index order. Classes are matched by name, case-insensitively,
 * never by position: the order is the requested subset's, or the sorted names when no subset is given.
 */
final class ClassSelection {
    private final List<String> names;
    private final Map<String, Integer> indexByKey;

    private ClassSelection(List<String> names) {
        this.names = List.copyOf(names);
        this.indexByKey = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            indexByKey.put(key(names.get(i)), i);
        }
    }

    /**
     * @param available the source's classes in its own spelling and order (names equal but for case are one class)
     * @param subset    requested classes, or empty for all
     * @param where     the source, for messages
     */
    static ClassSelection of(List<String> available, List<String> subset, String where) {
        // The first spelling the source lists wins (train/ before test/), ordered by lower-case name.
        Map<String, String> spellingByKey = new TreeMap<>();
        available.forEach(name -> spellingByKey.putIfAbsent(key(name), name.trim()));
        if (subset.isEmpty()) {
            if (spellingByKey.isEmpty()) {
                throw new DatasetException(where + " has no classes");
            }
            return new ClassSelection(new ArrayList<>(spellingByKey.values()));
        }
        List<String> chosen = new ArrayList<>();
        for (String wanted : subset) {
            String k = key(wanted);
            if (chosen.stream().anyMatch(c -> key(c).equals(k))) {
                throw new DatasetException("class '" + wanted + "' is listed twice in the class subset " + subset);
            }
            if (!spellingByKey.containsKey(k)) {
                throw new DatasetException("class '" + wanted + "' is not in " + where + "; its classes are "
                        + String.join(", ", spellingByKey.values()));
            }
            chosen.add(wanted.trim());
        }
        return new ClassSelection(chosen);
    }

    static String key(String className) {
        return className.trim().toLowerCase(Locale.ROOT);
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    /** Index of the class, or -1 when it is not selected. */
    int indexOf(String className) {
        return indexByKey.getOrDefault(key(className), -1);
    }
}
