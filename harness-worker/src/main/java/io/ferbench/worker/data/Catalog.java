package io.ferbench.worker.data;

import java.util.List;
import java.util.Map;

/**
 * Everything a source offers, before selection and decoding.
 *
 * @param classNames     every class the source knows, in its own spelling (a class may have no samples)
 * @param samples        the labelled images; a source without its own splits puts them all in train, and the
 *                       builder carves the missing splits
 * @param classLocations for each class (lower case), where its images were looked for: used in error messages
 * @param skipped        files rejected while listing, each as "path: reason"
 */
public record Catalog(List<String> classNames, List<Sample> samples, Map<String, String> classLocations,
               List<String> skipped) {
    public Catalog {
        classNames = List.copyOf(classNames);
        samples = List.copyOf(samples);
        classLocations = Map.copyOf(classLocations);
        skipped = List.copyOf(skipped);
    }
}
