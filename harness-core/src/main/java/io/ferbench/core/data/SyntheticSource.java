package io.ferbench.core.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Kind {@code synthetic}: {@code perClass} faces of each FER2013 class, drawn directly at the requested size. */
final class SyntheticSource implements DatasetSource {
    private final int perClass;
    private final int size;
    private final long seed;

    SyntheticSource(Integer imagesPerClass, int size, long seed) {
        this.perClass = imagesPerClass == null ? SyntheticFaces.DEFAULT_IMAGES_PER_CLASS : imagesPerClass;
        this.size = size;
        this.seed = seed;
    }

    @Override
    public void fingerprint(CacheKey key) {
        key.add("generator", SyntheticFaces.GENERATOR_VERSION).add("perClass", perClass);
    }

    @Override
    public Catalog catalog() {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> locations = new LinkedHashMap<>();
        for (String name : SyntheticFaces.FER2013_CLASSES) {
            locations.put(name, "the synthetic faces");
            for (int i = 0; i < perClass; i++) {
                int index = i;
                samples.add(new Sample(name, Split.TRAIN, "synthetic " + name + " #" + index,
                        channels -> SyntheticFaces.render(name, index, size, seed).withChannels(channels)));
            }
        }
        return new Catalog(SyntheticFaces.FER2013_CLASSES, samples, locations, List.of());
    }
}
