package io.ferbench.worker.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kind {@code synthetic}: {@code perClass} faces of each requested class (the seven FER2013 classes when none are
 * named), drawn directly at the requested size.
 */
final class SyntheticSource implements DatasetSource {
    private final List<String> classes;
    private final int perClass;
    private final int size;
    private final long seed;

    /** @param classes the classes a dataset names, or empty for the FER2013 seven */
    SyntheticSource(List<String> classes, Integer imagesPerClass, int size, long seed) {
        this.classes = classes.isEmpty() ? SyntheticFaces.FER2013_CLASSES
                : classes.stream().map(c -> SyntheticFaces.expression(c).className()).toList();
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
        for (String name : classes) {
            locations.put(name, "the synthetic faces");
            for (int i = 0; i < perClass; i++) {
                int index = i;
                samples.add(new Sample(name, Split.TRAIN, "synthetic " + name + " #" + index,
                        channels -> SyntheticFaces.render(name, index, size, seed).withChannels(channels)));
            }
        }
        return new Catalog(classes, samples, locations, List.of());
    }
}
