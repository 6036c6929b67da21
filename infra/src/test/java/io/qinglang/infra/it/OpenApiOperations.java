package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The operations of the server's OpenAPI document (as JSON): each path and method with its parameters and the
 * schema of its request body, {@code $ref}s resolved; and a sample value for a schema, for the fuzzer's valid-ish
 * requests.
 */
final class OpenApiOperations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;

    /** A parameter: in {@code path}, {@code query}, {@code header} or {@code cookie}. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation. {@code mediaTypes} are the request body's (empty when it takes none); {@code bodySchema} is
     * the schema of its JSON body, {@code null} when it has no JSON body or the document says only "binary".
     */
    record Operation(String method, String path, List<Parameter> parameters, List<String> mediaTypes,
                     JsonNode bodySchema) {

        List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        boolean hasJsonBody() {
            return bodySchema != null && bodySchema.path("properties").size() > 0;
        }

        boolean isApi() {
            return path.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;

    OpenApiOperations(JsonNode document) {
        this.document = document;
    }

    List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(method -> !method.getKey().equals("parameters"))
                .forEach(method -> operations.add(operation(path.getKey(), method.getKey(), method.getValue()))));
        return operations;
    }

    private Operation operation(String path, String method, JsonNode spec) {
        List<Parameter> parameters = new ArrayList<>();
        spec.path("parameters").forEach(p -> parameters.add(new Parameter(p.path("name").asText(), p.path("in").asText(),
                p.path("required").asBoolean(), resolve(p.path("schema")))));
        // a page may match a path segment it never reads: the document leaves it out, the request must still fill it
        java.util.regex.Matcher segment = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(path);
        while (segment.find()) {
            String name = segment.group(1);
            if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
                parameters.add(new Parameter(name, "path", true, NODES.objectNode().put("type", "string")));
            }
        }
        JsonNode content = spec.path("requestBody").path("content");
        List<String> mediaTypes = new ArrayList<>();
        content.fieldNames().forEachRemaining(mediaTypes::add);
        JsonNode json = content.path("application/json").isMissingNode() ? content.path("*/*") : content.path("application/json");
        JsonNode schema = json.isMissingNode() ? null : resolve(json.path("schema"));
        return new Operation(method.toUpperCase(Locale.ROOT), path, parameters, mediaTypes,
                schema != null && "object".equals(schema.path("type").asText("object")) ? schema : null);
    }

    /** The schema itself, following {@code $ref} (and a single {@code allOf}) to the component it names. */
    JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            return resolve(document.path("components").path("schemas").path(name));
        }
        if (schema.path("allOf").size() == 1) {
            return resolve(schema.path("allOf").get(0));
        }
        return schema;
    }

    /**
     * A value fitting the schema: every property filled, the first enum value, one array item. {@code known} gives
     * a value the product will accept for a property of that name (a category code, an e-mail), or null.
     */
    JsonNode sample(JsonNode schema, Function<String, JsonNode> known) {
        return sample(resolve(schema), known, "", 0);
    }

    private JsonNode sample(JsonNode schema, Function<String, JsonNode> known, String name, int depth) {
        JsonNode given = known.apply(name);
        if (given != null) {
            return given;
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(schema, known, depth);
            case "array" -> depth > MAX_DEPTH ? NODES.arrayNode()
                    : NODES.arrayNode().add(sample(resolve(schema.path("items")), known, name, depth + 1));
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(text(schema));
        };
    }

    private ObjectNode object(JsonNode schema, Function<String, JsonNode> known, int depth) {
        ObjectNode object = NODES.objectNode();
        if (depth > MAX_DEPTH) {
            return object;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            object.set(property.getKey(), sample(resolve(property.getValue()), known, property.getKey(), depth + 1));
        }
        return object;
    }

    private static String text(JsonNode schema) {
        return switch (schema.path("format").asText()) {
            case "uuid" -> "00000000-0000-4000-8000-000000000000";
            case "date" -> "2026-03-02";
            case "date-time" -> "2026-03-02T10:00:00Z";
            default -> "清朗 fuzz text, long enough";
        };
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }
}
