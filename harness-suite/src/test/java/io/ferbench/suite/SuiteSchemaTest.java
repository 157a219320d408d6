package io.ferbench.suite;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The published JSON Schema and the parser accept the same keys. Both come from the key table, and the
 * checked-in schema must equal what the table generates; to regenerate it after changing the table, run
 * the tests with {@code -Dferbench.updateSchema=true}.
 */
class SuiteSchemaTest {
    /** Surefire runs in the module folder; the schema is published at the repository root. */
    static final Path PUBLISHED = Path.of("..").resolve(SuiteSchema.PUBLISHED_PATH);

    private static JsonNode published() throws IOException {
        return new ObjectMapper().readTree(Files.readString(PUBLISHED));
    }

    private static Set<String> propertyNames(JsonNode mappingSchema) {
        Set<String> names = new LinkedHashSet<>();
        mappingSchema.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void publishedSchemaIsDraft202012Json() throws IOException {
        JsonNode schema = published();
        assertEquals(SuiteSchema.DRAFT, schema.get("$schema").asText());
        assertEquals("object", schema.get("type").asText());
        assertFalse(schema.get("additionalProperties").asBoolean());
    }

    @Test
    void publishedSchemaIsWhatTheKeyTableGenerates() throws IOException {
        if (Boolean.getBoolean("ferbench.updateSchema")) {
            Files.writeString(PUBLISHED, SuiteSchema.json());
        }
        // compared as parsed JSON, so the message says "stale" rather than "formatted differently"
        boolean current = new ObjectMapper().readTree(SuiteSchema.json()).equals(published());
        assertTrue(current, "the published schema is stale: run the suite tests with -Dferbench.updateSchema=true "
                + "(or SuiteSchema's main) and commit " + SuiteSchema.PUBLISHED_PATH);
        assertEquals(SuiteSchema.json(), Files.readString(PUBLISHED), "formatting differs from the generator's");
    }

    @Test
    void schemaDeclaresExactlyTheKeysTheParserAccepts() throws IOException {
        JsonNode schema = published();
        JsonNode defs = schema.get("$defs");
        assertEquals(SuiteKeys.TOP.names(), propertyNames(schema));
        assertEquals(SuiteKeys.DATASET.names(), propertyNames(defs.get("dataset")));
        assertEquals(SuiteKeys.MATRIX_KEYS.names(), propertyNames(defs.get("matrix")));
        assertEquals(SuiteKeys.MATRIX_ENTRY.names(), propertyNames(defs.get("matrix-entry")));
        assertEquals(SuiteKeys.LOG_RANGE_OBJECT.names(), propertyNames(defs.get("log-range")));
        assertEquals(SuiteKeys.LOG_RANGE_KEYS.names(),
                propertyNames(defs.get("log-range").get("properties").get("log_range")));
        for (JsonNode mapping : List.of(schema, defs.get("dataset"), defs.get("matrix"), defs.get("matrix-entry"),
                defs.get("log-range"))) {
            assertFalse(mapping.get("additionalProperties").asBoolean(), "every mapping is closed, as in the parser");
        }
    }

    @Test
    void everyReferenceInTheSchemaResolves() throws IOException {
        JsonNode schema = published();
        List<String> refs = new ArrayList<>();
        collectRefs(schema, refs);
        assertFalse(refs.isEmpty());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), ref);
            assertFalse(schema.at(ref.substring(1)).isMissingNode(), "dangling $ref " + ref);
        }
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }

    /**
     * Drives the parser with every key the schema file declares, each with the schema's default or an example
     * value, so a key in the schema that the parser rejects fails here.
     */
    @Test
    void parserAcceptsEveryKeyTheSchemaDeclares() throws IOException {
        JsonNode schema = published();
        JsonNode defs = schema.get("$defs");
        Map<String, Object> examples = Map.ofEntries(Map.entry("name", "schema-keys"),
                Map.entry("description", "every key"), Map.entry("kind", "labels-csv"),
                Map.entry("path", "affectnet/labels.csv"), Map.entry("root", "affectnet"),
                Map.entry("classes", List.of("happy", "sad")), Map.entry("images_per_class", 10), Map.entry("target_accuracy", 0.7),
                Map.entry("min_confidence", 0.5), Map.entry("from", 0.1), Map.entry("to", 0.001),
                Map.entry("dataset", "all-keys"), Map.entry("download", "Kaggle's affectnet_hq, unzipped"), Map.entry("class_count", 8),
                Map.entry("augmentations", Map.of("light", Map.of("flip", true, "rotation", 10))),
                Map.entry("checkpoints", Map.of("imagenet", Map.of("kind", "file", "path", "{architecture}.st"),
                        "pretrained", Map.of("kind", "cell", "with", Map.of("epochs", 5), "keep_head", true))));

        Map<String, Object> dataset = sample(defs.get("dataset"), examples);  // labels-csv takes every dataset key
        dataset.remove("class_count");  // the alternative to classes: checked on its own below
        Map<String, Object> logRange = Map.of("log_range", sample(defs.get("log-range").get("properties")
                .get("log_range"), examples));
        Map<String, Object> matrix = new LinkedHashMap<>();
        for (String key : propertyNames(defs.get("matrix"))) {
            Object value = switch (key) {
                case "learning_rate" -> logRange;
                case "include" -> List.of(Map.of("architecture", "resnet18", "epochs", 3));
                case "exclude" -> List.of(Map.of("architecture", "mobilenet_v2"));
                default -> sampleValue(key, defs.get("matrix").get("properties").get(key), examples);
            };
            matrix.put(key, value);
        }
        Map<String, Object> suite = new LinkedHashMap<>();
        for (String key : propertyNames(schema)) {
            Object value = switch (key) {
                case "datasets" -> Map.of("all-keys", dataset);
                case "matrix" -> matrix;
                case "backend_settings" -> Map.of("djl", Map.of("interop_threads", "2"));
                default -> sampleValue(key, schema.get("properties").get(key), examples);
            };
            suite.put(key, value);
        }
        SuitePlan plan = Suites.plan(new YAMLMapper().writeValueAsString(suite), "every-key.yaml");
        // every axis is written, so the include entry matches nothing and adds a fourth cell
        assertEquals(List.of(0.1, 0.01, 0.001, 0.1), plan.cells().stream().map(c -> c.training().optimizer().learningRate())
                .toList());
        assertEquals(List.of(25, 25, 25, 3), plan.cells().stream().map(c -> c.training().epochs()).toList());

        for (String key : propertyNames(defs.get("matrix-entry"))) {
            Object value = key.equals("dataset") ? "all-keys"
                    : sampleValue(key, defs.get("matrix").get("properties").get(key), examples);
            Map<String, Object> oneEntry = new LinkedHashMap<>(suite);
            oneEntry.put("matrix", Map.of("include", List.of(Map.of(key, value))));
            Suites.plan(new YAMLMapper().writeValueAsString(oneEntry), "entry-" + key + ".yaml");
        }

        Map<String, Object> counted = new LinkedHashMap<>(suite);
        counted.put("datasets", Map.of("all-keys", Map.of("kind", "folder", "path", "tiny", "class_count", 13)));
        counted.put("matrix", Map.of());
        assertEquals(13, Suites.plan(new YAMLMapper().writeValueAsString(counted), "count.yaml").cells().get(0)
                .dataset().classCount());
        assertEquals(SuiteKeys.AUGMENTATION.names(), propertyNames(defs.get("augmentation")));
        assertEquals(SuiteKeys.CHECKPOINT.names(), propertyNames(defs.get("checkpoint")));
    }

    private static Map<String, Object> sample(JsonNode mappingSchema, Map<String, Object> examples) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : propertyNames(mappingSchema)) {
            values.put(key, sampleValue(key, mappingSchema.get("properties").get(key), examples));
        }
        return values;
    }

    private static Object sampleValue(String key, JsonNode property, Map<String, Object> examples) {
        if (property.has("default")) {
            return new ObjectMapper().convertValue(property.get("default"), Object.class);
        }
        assertTrue(examples.containsKey(key), "no default and no example value for schema key '" + key + "'");
        return examples.get(key);
    }

    @Test
    void keysOutsideTheSchemaAreRejectedByTheParser() throws IOException {
        assertFalse(propertyNames(published().get("$defs").get("matrix")).contains("momentum"));
        SuiteException e = SuiteTexts.rejected(SuiteTexts.SYNTHETIC_HEADER + "matrix:\n  momentum: 0.9\n");
        assertEquals("matrix.momentum", e.key());
    }
}
