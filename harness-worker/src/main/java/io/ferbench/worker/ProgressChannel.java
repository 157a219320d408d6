package io.ferbench.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Optional;

/**
 * Progress travels from worker to coordinator as lines on the worker's standard output, each a
 * recognisable prefix followed by one JSON object. Anything else a backend prints there is kept
 * in the cell's {@code stdout.log}.
 */
public final class ProgressChannel {
    public static final String PREFIX = "@@ferbench-progress ";

    private ProgressChannel() {}

    public static String encode(ProgressEvent event) {
        return PREFIX + JsonFiles.line(event);
    }

    /** The event a line carries, or empty for any other output (including a damaged event line). */
    public static Optional<ProgressEvent> decode(String line) {
        int at = line.indexOf(PREFIX);
        if (at < 0) return Optional.empty();
        try {
            return Optional.of(JsonFiles.parse(line.substring(at + PREFIX.length()), ProgressEvent.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
