package io.ferbench.worker.data;

import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.api.data.DatasetKind;
import java.nio.file.Path;

/**
 * A dataset kind the worker can read: its declaration plus the {@link DatasetSource} that fingerprints and lists its
 * images. A new kind is one such class, registered in {@code META-INF/services/io.ferbench.api.data.DatasetKind}: the
 * suite language reads its declaration there, and the worker reads the data through the same instance.
 */
public interface DatasetReader extends DatasetKind {
    /**
     * The source of a dataset of this kind.
     *
     * @param base  the data root relative paths resolve against
     */
    DatasetSource open(DatasetSpec spec, Path base);

    /** The spec's path against {@code base}; a dataset without one is an error naming it. */
    static Path requirePath(DatasetSpec spec, Path base) {
        if (spec.path() == null || spec.path().isBlank()) {
            throw new DatasetException("dataset '" + spec.name() + "' of kind '" + spec.kind() + "' needs a path");
        }
        return base.resolve(spec.path());
    }
}
