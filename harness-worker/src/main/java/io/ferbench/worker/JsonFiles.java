package io.ferbench.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.regex.Pattern;

/**
 * The JSON form of ferbench's files (worker requests, results, progress events): records as objects with snake_case
 * names, figures named as in results.csv ({@link FileNames}), enums in lower case, unknown properties ignored so that
 * newer files stay readable. Files written before the names were snake_case (camelCase, such as
 * {@code medianEpochSeconds}) are still read, by their old names.
 */
public final class JsonFiles {
    private static final ObjectMapper MAPPER = mapper(true);
    /** Reads files written with the records' Java names, before ferbench 0.1's snake_case files. */
    private static final ObjectMapper CAMEL_CASE = mapper(false);
    private static final Pattern CAMEL_CASE_NAME = Pattern.compile("[a-z0-9]+[A-Z].*");

    private static ObjectMapper mapper(boolean snakeCase) {
        JsonMapper.Builder builder = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
        return (snakeCase ? builder.propertyNamingStrategy(new FileNames()) : builder).build();
    }

    private JsonFiles() {}

    /** Writes {@code value} atomically; {@code pretty} for files people read, compact for large ones. */
    public static void write(Path file, Object value, boolean pretty) {
        AtomicFiles.write(file, out -> (pretty ? MAPPER.writerWithDefaultPrettyPrinter() : MAPPER.writer())
                .writeValue(out, value));
    }

    /** Reads a {@code type} from {@code file}; the error names the file and what is wrong with it. */
    public static <T> T read(Path file, Class<T> type) {
        try {
            JsonNode tree = MAPPER.readTree(Files.readAllBytes(file));
            return (writtenInCamelCase(tree) ? CAMEL_CASE : MAPPER).treeToValue(tree, type);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no such file: " + file, e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not a valid " + type.getSimpleName() + " file: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether a file was written with camelCase names: its (first) object has a property name with a capital after
     * lower-case letters. Snake_case files never do; the maps whose keys are data sit below the top level.
     */
    private static boolean writtenInCamelCase(JsonNode tree) {
        JsonNode object = tree.isArray() && !tree.isEmpty() ? tree.get(0) : tree;
        if (!object.isObject()) return false;
        for (var names = object.fieldNames(); names.hasNext(); ) {
            if (CAMEL_CASE_NAME.matcher(names.next()).matches()) return true;
        }
        return false;
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
