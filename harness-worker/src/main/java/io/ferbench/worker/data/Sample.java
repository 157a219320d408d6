package io.ferbench.worker.data;

/**
 * One labelled image a source offers, not yet decoded.
 *
 * @param className the class as the source names it (matched to the selection case-insensitively)
 * @param split     the split the source puts it in; {@link Split#TRAIN} when the source has no splits
 * @param origin    where it comes from, for messages: a file path or {@code file:line}
 * @param loader    decodes it on demand
 */
public record Sample(String className, Split split, String origin, Loader loader) {
    /** Produces the image's pixels with the given channel count, at its own resolution. */
    @FunctionalInterface
    public interface Loader {
        Raster load(int channels) throws UnusableImageException;
    }
}
