package io.ferbench.suite;

import java.util.Map;

/**
 * One include or exclude entry, validated.
 *
 * @param values one value per axis it names
 * @param path   its key path ({@code matrix.include[2]}), for messages
 * @param mark   where it starts
 */
record MatrixEntry(Map<MatrixAxis, Object> values, String path, SourceMark mark) {
    MatrixEntry {
        values = Map.copyOf(values);
    }

    /** Whether {@code combination} has this entry's value on every axis the entry names. */
    boolean matchesAll(Map<MatrixAxis, Object> combination) {
        return values.entrySet().stream().allMatch(e -> e.getValue().equals(combination.get(e.getKey())));
    }
}
