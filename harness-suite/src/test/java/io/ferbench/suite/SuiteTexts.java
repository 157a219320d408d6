package io.ferbench.suite;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Helpers for tests that plan suites from text. */
final class SuiteTexts {
    static final String FILE = "test.yaml";

    /** A header with one synthetic dataset, so a test only writes its matrix. */
    static final String SYNTHETIC_HEADER = """
            name: test
            datasets:
              synthetic-48:
                kind: synthetic
            """;

    private SuiteTexts() {
    }

    static SuitePlan plan(String yaml) {
        return Suites.plan(yaml, FILE);
    }

    static SuiteException rejected(String yaml) {
        return assertThrows(SuiteException.class, () -> Suites.plan(yaml, FILE));
    }
}
