package io.ferbench.api.data;

import java.util.List;
import java.util.Set;

/**
 * A dataset kind ({@code kind:} of a suite's dataset), as the suite language and the coordinator need it: which of the
 * kind-specific keys it requires and takes, and what its files look like. Found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.ferbench.api.data.DatasetKind}); the worker's reader of the kind implements it too.
 */
public interface DatasetKind {
    /** The dataset keys that only some kinds take; every other dataset key applies to every kind. */
    List<String> SPECIFIC_KEYS = List.of("path", "root", "min_confidence");

    /** As suites write it ({@code folder}). */
    String id();

    /** Kind-specific keys ({@link #SPECIFIC_KEYS}) a dataset of this kind must give. */
    Set<String> requiredKeys();

    /** Kind-specific keys a dataset of this kind may give; the others are errors, never silently ignored. */
    Set<String> allowedKeys();

    /** What {@code path} must hold, for messages ({@code <root>/<class>/*.png ...}); null for a kind without files. */
    String expectedLayout();

    /** Whether {@code path} names a folder (else a file). */
    boolean pathIsFolder();

    /** Images per class when the suite gives no {@code images_per_class}; null for all the data has. */
    default Integer defaultImagesPerClass() {
        return null;
    }

    /**
     * The only class names a dataset of this kind can have (a generator's classes, matched ignoring case), so that
     * a suite naming another is refused when it is validated; empty when the data decides.
     */
    default List<String> drawableClasses() {
        return List.of();
    }

    /** Where the kind comes in listings. */
    default int order() {
        return 100;
    }
}
