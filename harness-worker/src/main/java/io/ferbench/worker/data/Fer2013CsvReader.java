package io.ferbench.worker.data;

import io.ferbench.api.cell.DatasetSpec;
import java.nio.file.Path;
import java.util.Set;

/** Kind {@code fer2013-csv}: the original fer2013.csv ({@link Fer2013CsvSource}). */
public final class Fer2013CsvReader implements DatasetReader {
    @Override public String id() { return "fer2013-csv"; }

    @Override public Set<String> requiredKeys() { return Set.of("path"); }

    @Override public Set<String> allowedKeys() { return Set.of("path"); }

    @Override public String expectedLayout() { return Fer2013CsvSource.EXPECTED; }

    @Override public boolean pathIsFolder() { return false; }

    @Override public int order() { return 3; }

    @Override
    public DatasetSource open(DatasetSpec spec, Path base) {
        return new Fer2013CsvSource(DatasetReader.requirePath(spec, base));
    }
}
