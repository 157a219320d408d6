package io.ferbench.suite;

/**
 * One key a suite mapping accepts.
 *
 * @param name         the key as written in YAML
 * @param shape        how its value is written
 * @param rule         what each scalar value may be; null for {@link Shape#SECTION}
 * @param required     whether leaving it out is an error
 * @param defaultValue the value when left out, or null for none
 * @param description  one sentence for users (shown by editors through the JSON Schema)
 */
record SuiteKey(String name, Shape shape, ValueRule rule, boolean required, Object defaultValue, String description) {

    enum Shape {
        /** One scalar. */
        VALUE,
        /** A non-empty list of distinct scalars. */
        LIST,
        /** A matrix axis: one scalar or a non-empty list of distinct scalars. */
        VALUES,
        /** A mapping or list with its own keys, read by its own code. */
        SECTION
    }

    SuiteKey {
        if ((rule == null) != (shape == Shape.SECTION)) {
            throw new IllegalArgumentException(name + ": only sections have no value rule");
        }
    }

    static SuiteKey value(String name, ValueRule rule, Object defaultValue, String description) {
        return new SuiteKey(name, Shape.VALUE, rule, false, defaultValue, description);
    }

    static SuiteKey requiredValue(String name, ValueRule rule, String description) {
        return new SuiteKey(name, Shape.VALUE, rule, true, null, description);
    }

    static SuiteKey section(String name, boolean required, String description) {
        return new SuiteKey(name, Shape.SECTION, null, required, null, description);
    }
}
