package io.ferbench.worker.kindexample;

import io.ferbench.api.cell.DatasetSpec;
import io.ferbench.worker.data.CacheKey;
import io.ferbench.worker.data.Catalog;
import io.ferbench.worker.data.DatasetReader;
import io.ferbench.worker.data.DatasetSource;
import io.ferbench.worker.data.Raster;
import io.ferbench.worker.data.Sample;
import io.ferbench.worker.data.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CONTRIBUTING.md's worked example of a dataset kind, outside ferbench's packages and through their public API only:
 * kind {@code stripes}, horizontal or vertical stripes, drawn (no files). Registered in this module's test resources
 * under {@code META-INF/services/io.ferbench.api.data.DatasetKind}.
 */
public final class StripesReader implements DatasetReader {
    static final List<String> CLASSES = List.of("horizontal", "vertical");

    @Override public String id() { return "stripes"; }

    @Override public Set<String> requiredKeys() { return Set.of(); }

    @Override public Set<String> allowedKeys() { return Set.of(); }

    @Override public String expectedLayout() { return null; }

    @Override public boolean pathIsFolder() { return false; }

    @Override public Integer defaultImagesPerClass() { return 20; }

    @Override public int order() { return 1000; }

    @Override
    public DatasetSource open(DatasetSpec spec, Path base) {
        int perClass = spec.imagesPerClass() == null ? defaultImagesPerClass() : spec.imagesPerClass();
        return new DatasetSource() {
            @Override
            public void fingerprint(CacheKey key) {
                key.add("stripes", perClass);
            }

            @Override
            public Catalog catalog() {
                List<Sample> samples = new ArrayList<>();
                for (String name : CLASSES) {
                    for (int i = 0; i < perClass; i++) {
                        int period = 2 + i % 4;
                        samples.add(new Sample(name, Split.TRAIN, "stripes " + name + " #" + i,
                                channels -> stripes(name.equals("vertical"), period, channels)));
                    }
                }
                return new Catalog(CLASSES, samples, Map.of("horizontal", "drawn", "vertical", "drawn"), List.of());
            }
        };
    }

    private static Raster stripes(boolean vertical, int period, int channels) {
        int side = 16;
        float[] values = new float[channels * side * side];
        for (int c = 0; c < channels; c++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    values[(c * side + y) * side + x] = ((vertical ? x : y) / period) % 2 == 0 ? 0.1f : 0.9f;
                }
            }
        }
        return new Raster(channels, side, side, values);
    }
}
