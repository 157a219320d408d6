package io.ferbench.suite;

import io.ferbench.api.cell.InitSpec;

import java.util.Map;

/**
 * A checkpoint as the suite defines it under {@code checkpoints:}, validated.
 *
 * @param name      its name, which the matrix's {@code init} axis uses
 * @param kind      {@link InitSpec.Source#CELL} or {@link InitSpec.Source#FILE}
 * @param with      for a cell checkpoint: the source cell's axis values that differ from the starting cell's
 * @param path      for a file checkpoint: the file, possibly with {@code {architecture}}
 * @param keepHead  load the classifier head as well
 * @param mark      where the definition starts, for problems found when the matrix is planned
 */
record CheckpointDefinition(String name, InitSpec.Source kind, Map<MatrixAxis, Object> with, String path, boolean keepHead,
                            SourceMark mark) {
    /** Replaced in a file checkpoint's path by each cell's architecture. */
    static final String ARCHITECTURE_PLACEHOLDER = "{architecture}";

    CheckpointDefinition {
        with = Map.copyOf(with);
    }

    /** The file for a cell of {@code architecture}. */
    String pathFor(String architecture) {
        return path.replace(ARCHITECTURE_PLACEHOLDER, architecture);
    }
}
