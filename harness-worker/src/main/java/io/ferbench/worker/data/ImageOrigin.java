package io.ferbench.worker.data;

/**
 * Where a prepared image came from, as the dataset audit reports it.
 *
 * @param path    the file (or {@code file:line} for CSV sources) the image was decoded from
 * @param width   its width before resizing, in pixels
 * @param height  its height before resizing, in pixels
 */
public record ImageOrigin(String path, int width, int height) {}
