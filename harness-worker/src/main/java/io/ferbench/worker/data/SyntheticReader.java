package io.ferbench.worker.data;

import io.ferbench.api.cell.DatasetSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Kind {@code synthetic}: faces drawn by {@link SyntheticFaces}, no files. */
public final class SyntheticReader implements DatasetReader {
    /** Images drawn per class when the suite does not say. */
    static final int IMAGES_PER_CLASS = 300;

    @Override public String id() { return "synthetic"; }

    @Override public Set<String> requiredKeys() { return Set.of(); }

    @Override public Set<String> allowedKeys() { return Set.of(); }

    @Override public String expectedLayout() { return null; }

    @Override public boolean pathIsFolder() { return false; }

    @Override public Integer defaultImagesPerClass() { return IMAGES_PER_CLASS; }

    @Override public int order() { return 1; }

    @Override public List<String> drawableClasses() { return SyntheticFaces.ALL_CLASSES; }

    @Override
    public DatasetSource open(DatasetSpec spec, Path base) {
        return new SyntheticSource(spec.classes(), spec.imagesPerClass(), spec.imageSize(), spec.seed());
    }
}
