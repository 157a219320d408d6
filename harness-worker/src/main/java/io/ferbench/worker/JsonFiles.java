package io.ferbench.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The JSON form of ferbench's files (worker requests, results, progress events): records as
 * objects, enums in lower case, unknown properties ignored so that newer files stay readable.
 */
public final class JsonFiles {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private JsonFiles() {}

    /** Writes {@code value} atomically; {@code pretty} for files people read, compact for large ones. */
    public static void write(Path file, Object value, boolean pretty) {
        AtomicFiles.write(file, out -> (pretty ? MAPPER.writerWithDefaultPrettyPrinter() : MAPPER.writer())
                .writeValue(out, value));
    }

    /** Reads a {@code type} from {@code file}; the error names the file and what is wrong with it. */
    public static <T> T read(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(Files.readAllBytes(file), type);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no such file: " + file, e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not a valid " + type.getSimpleName() + " file: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** One line of JSON (no line breaks), for the progress channel. */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static <T> T parse(String json, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json, type);
    }
}
