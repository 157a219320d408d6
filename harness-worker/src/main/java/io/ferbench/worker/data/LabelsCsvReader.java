package io.ferbench.worker.data;

import io.ferbench.api.cell.DatasetSpec;
import java.nio.file.Path;
import java.util.Set;

/** Kind {@code labels-csv}: a CSV of image paths and labels ({@link LabelsCsvSource}), as AffectNet-HQ comes. */
public final class LabelsCsvReader implements DatasetReader {
    @Override public String id() { return "labels-csv"; }

    @Override public Set<String> requiredKeys() { return Set.of("path"); }

    @Override public Set<String> allowedKeys() { return Set.of("path", "root", "min_confidence"); }

    @Override
    public String expectedLayout() {
        return LabelsCsvSource.EXPECTED + ", with the image paths relative to the CSV's folder (or to root)";
    }

    @Override public boolean pathIsFolder() { return false; }

    @Override public int order() { return 4; }

    @Override
    public DatasetSource open(DatasetSpec spec, Path base) {
        return new LabelsCsvSource(DatasetReader.requirePath(spec, base),
                spec.root() == null ? null : base.resolve(spec.root()), spec.minConfidence(),
                spec.allowances().followSymlinks());
    }
}
