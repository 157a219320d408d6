package io.ferbench.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The part of the Kubernetes {@code batch/v1} Job schema (API reference, v1.29+) that ferbench's manifest uses: each
 * field's JSON type, and the values an enum allows. A field of the manifest that is not listed fails too, so a new
 * field is checked against the reference before it is used.
 */
final class KubernetesJobSchema {
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("/apiVersion", "string"), Map.entry("/kind", "string"),
            Map.entry("/metadata", "object"), Map.entry("/metadata/name", "string"),
            Map.entry("/metadata/labels", "map"),
            Map.entry("/spec", "object"), Map.entry("/spec/completionMode", "enum:NonIndexed,Indexed"),
            Map.entry("/spec/completions", "int"), Map.entry("/spec/parallelism", "int"),
            Map.entry("/spec/backoffLimitPerIndex", "int"), Map.entry("/spec/maxFailedIndexes", "int"),
            Map.entry("/spec/activeDeadlineSeconds", "int"),
            Map.entry("/spec/template", "object"), Map.entry("/spec/template/metadata", "object"),
            Map.entry("/spec/template/metadata/labels", "map"),
            Map.entry("/spec/template/spec", "object"),
            Map.entry("/spec/template/spec/restartPolicy", "enum:Never,OnFailure"),
            Map.entry("/spec/template/spec/containers", "array"),
            Map.entry("/spec/template/spec/containers/*", "object"),
            Map.entry("/spec/template/spec/containers/*/name", "string"),
            Map.entry("/spec/template/spec/containers/*/image", "string"),
            Map.entry("/spec/template/spec/containers/*/args", "array"),
            Map.entry("/spec/template/spec/containers/*/args/*", "string"),
            Map.entry("/spec/template/spec/containers/*/resources", "object"),
            Map.entry("/spec/template/spec/containers/*/resources/requests", "quantities"),
            Map.entry("/spec/template/spec/containers/*/resources/limits", "quantities"),
            Map.entry("/spec/template/spec/containers/*/volumeMounts", "array"),
            Map.entry("/spec/template/spec/containers/*/volumeMounts/*", "object"),
            Map.entry("/spec/template/spec/containers/*/volumeMounts/*/name", "string"),
            Map.entry("/spec/template/spec/containers/*/volumeMounts/*/mountPath", "string"),
            Map.entry("/spec/template/spec/volumes", "array"),
            Map.entry("/spec/template/spec/volumes/*", "object"),
            Map.entry("/spec/template/spec/volumes/*/name", "string"),
            Map.entry("/spec/template/spec/volumes/*/persistentVolumeClaim", "object"),
            Map.entry("/spec/template/spec/volumes/*/persistentVolumeClaim/claimName", "string"));

    private KubernetesJobSchema() {}

    static void check(JsonNode job) {
        walk("", job);
    }

    private static void walk(String path, JsonNode node) {
        String type = path.isEmpty() ? "object" : FIELDS.get(path.replaceAll("/\\d+(?=/|$)", "/*"));
        if (type == null) fail("the manifest uses " + path + ", which this schema subset does not list");
        switch (type.startsWith("enum:") ? "enum" : type) {
            case "string" -> assertTrue(node.isTextual(), path + " must be a string");
            case "int" -> assertTrue(node.isInt() && node.asInt() >= 0, path + " must be a non-negative integer");
            case "enum" -> assertTrue(List.of(type.substring(5).split(",")).contains(node.asText()), path + ": "
                    + node + " is not one of " + type.substring(5));
            case "map" -> node.fields().forEachRemaining(f -> assertTrue(f.getValue().isTextual(), path + "/"
                    + f.getKey() + " must be a string"));
            case "quantities" -> node.fields().forEachRemaining(f -> assertTrue(f.getValue().isTextual()
                    || f.getValue().isInt(), path + "/" + f.getKey() + " must be a quantity"));
            case "array" -> {
                assertTrue(node.isArray(), path + " must be a list");
                for (int i = 0; i < node.size(); i++) walk(path + "/" + i, node.get(i));
            }
            case "object" -> {
                assertTrue(node.isObject(), path + " must be a mapping");
                node.fields().forEachRemaining(f -> walk(path + "/" + f.getKey(), f.getValue()));
            }
            default -> fail("unknown type " + type);
        }
    }
}
