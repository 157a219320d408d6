package io.ferbench.worker.data;

import io.ferbench.api.cell.DatasetSpec;
import java.nio.file.Path;
import java.util.Set;

/** Kind {@code folder}: a folder per class, perhaps under train/, validation/ and test/ ({@link FolderSource}). */
public final class FolderReader implements DatasetReader {
    @Override public String id() { return "folder"; }

    @Override public Set<String> requiredKeys() { return Set.of("path"); }

    @Override public Set<String> allowedKeys() { return Set.of("path"); }

    @Override public String expectedLayout() { return FolderSource.EXPECTED_LAYOUT.substring("expected ".length()); }

    @Override public boolean pathIsFolder() { return true; }

    @Override public int order() { return 2; }

    @Override
    public DatasetSource open(DatasetSpec spec, Path base) {
        return new FolderSource(DatasetReader.requirePath(spec, base), spec.allowances().followSymlinks());
    }
}
