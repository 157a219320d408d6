package io.ferbench.api.cell;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads an enum of this package from the spelling suites and files use (its {@code toString()}). */
final class Enums {
    private Enums() {}

    static <E extends Enum<E>> E of(Class<E> type, String id, String what) {
        for (E value : type.getEnumConstants()) {
            if (value.toString().equals(id)) return value;
        }
        throw new IllegalArgumentException("unknown " + what + " '" + id + "'; valid: " + Arrays.stream(
                type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
    }
}
