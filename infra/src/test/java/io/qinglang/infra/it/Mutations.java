package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Broken variants of a request's parts for the fuzzer: bodies (missing fields, wrong types, huge and unprintable
 * strings, lone surrogates, deep nesting, numbers past a long, malformed JSON, wrong content types), path values,
 * query values and headers.
 */
final class Mutations {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String HUGE = "长".repeat(10_000);

    /**
     * A request body. {@code malformed} bodies are refused by any operation that reads JSON, whoever sends them:
     * only those are aimed at the tenant that must receive nothing but refusals.
     */
    record Body(String name, byte[] bytes, String contentType, boolean malformed) {
        static Body json(String name, String text) {
            return new Body(name, text.getBytes(StandardCharsets.UTF_8), "application/json", false);
        }

        static Body malformed(String name, byte[] bytes) {
            return new Body(name, bytes, "application/json", true);
        }

        String excerpt() {
            String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "·");
            return text.length() <= 160 ? text : text.substring(0, 120) + "…(" + bytes.length + " bytes)…"
                    + text.substring(text.length() - 30);
        }
    }

    private Mutations() {
    }

    /** Bodies no JSON reader can take: empty of meaning, cut short, not JSON, nested past any limit. */
    static List<Body> malformedBodies(JsonNode valid) {
        String json = valid.toString();
        List<Body> bodies = new ArrayList<>(List.of(
                Body.malformed("truncated", json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8)),
                Body.malformed("an array", "[]".getBytes(StandardCharsets.UTF_8)),
                Body.malformed("null", "null".getBytes(StandardCharsets.UTF_8)),
                Body.malformed("a string", "\"x\"".getBytes(StandardCharsets.UTF_8)),
                Body.malformed("garbage", new byte[]{0, 1, 2, (byte) 0xff, (byte) 0xfe, '{'}),
                Body.malformed("10,000 nested arrays", ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8)),
                Body.malformed("10,000 nested objects", ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))
                        .getBytes(StandardCharsets.UTF_8)),
                Body.malformed("trailing garbage", (json + " }{").getBytes(StandardCharsets.UTF_8)),
                Body.malformed("an unknown field", withField(valid, "fuzzUnknownField", NODES.numberNode(1)))));
        String lone = json.replaceAll("\"([^\"]*)\"(?=[,}\\]])", "\"\\\\ud800$1\"");
        if (!lone.equals(json)) {
            bodies.add(Body.malformed("a lone surrogate in every string", lone.getBytes(StandardCharsets.UTF_8)));
            bodies.add(Body.malformed("invalid UTF-8", invalidUtf8(json)));
        }
        return bodies;
    }

    /** Bodies a careless client sends: each field missing, of the wrong type, too long, unprintable, out of range. */
    static List<Body> brokenFields(ObjectNode valid) {
        List<Body> bodies = new ArrayList<>();
        bodies.add(Body.json("empty object", "{}"));
        bodies.add(Body.json("a duplicated field", duplicated(valid)));
        for (Map.Entry<String, JsonNode> field : valid.properties()) {
            String name = field.getKey();
            bodies.add(Body.json("without " + name, without(valid, name).toString()));
            bodies.add(Body.json(name + " of the wrong type", with(valid, name, wrongType(field.getValue())).toString()));
            bodies.add(Body.json(name + " null", with(valid, name, NODES.nullNode()).toString()));
            if (field.getValue().isTextual()) {
                bodies.add(Body.json(name + " 10,000 characters", with(valid, name, NODES.textNode(HUGE)).toString()));
                bodies.add(Body.json(name + " with NUL and control characters",
                        with(valid, name, NODES.textNode("a\u0000b\u0007c\u001b[31m\u202e")).toString()));
                bodies.add(Body.json(name + " blank", with(valid, name, NODES.textNode(" \t ")).toString()));
            }
            if (field.getValue().isNumber()) {
                for (String number : List.of("9223372036854775807", "9223372036854775808", "-9223372036854775809",
                        "1e400", "-0.0", "0.5")) {
                    bodies.add(Body.json(name + " = " + number, with(valid, name, NODES.textNode("#"))
                            .toString().replace("\"" + name + "\":\"#\"", "\"" + name + "\":" + number)));
                }
            }
            if (field.getValue().isObject() && !field.getValue().isEmpty()) {
                bodies.add(Body.json(name + " empty", with(valid, name, NODES.objectNode()).toString()));
            }
        }
        return bodies;
    }

    /** The valid body under content types the operation does not take, or none at all. */
    static List<Body> wrongContentTypes(JsonNode valid) {
        byte[] json = valid.toString().getBytes(StandardCharsets.UTF_8);
        List<Body> bodies = new ArrayList<>();
        for (String type : new String[]{"text/plain", "application/xml", "application/json; charset=utf-16",
                "application/json; charset=nonsense", "multipart/form-data", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "image/png", "garbage/", ";;;"}) {
            bodies.add(new Body("as " + type, json, type, false));
        }
        bodies.add(new Body("without a content type", json, null, false));
        return bodies;
    }

    /** Bodies for operations that take files, forms or multipart requests: cut short, mislabelled, oversized. */
    static List<Body> brokenUploads() {
        String part = "--b\r\nContent-Disposition: form-data; name=\"report\"\r\nContent-Type: application/json\r\n\r\n{}\r\n";
        String file = "--b\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"" + "x".repeat(5_000)
                + "\u0000.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG\r\n";
        return List.of(
                new Body("multipart without a boundary", part.getBytes(StandardCharsets.UTF_8), "multipart/form-data", false),
                new Body("multipart cut short", part.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=b", false),
                new Body("multipart with another boundary", (part + "--b--\r\n").getBytes(StandardCharsets.UTF_8),
                        "multipart/form-data; boundary=zzz", false),
                new Body("a file named 5,000 characters and a NUL", (part + file + "--b--\r\n").getBytes(StandardCharsets.UTF_8),
                        "multipart/form-data; boundary=b", false),
                new Body("1,000 empty parts", ("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\r\n".repeat(1_000)
                        + "--b--\r\n").getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=b", false),
                new Body("a form with bad escapes", "csrf=%zz&reason=%E0%A4&x=%00".getBytes(StandardCharsets.UTF_8),
                        "application/x-www-form-urlencoded", false),
                new Body("a form without a content type", "reason=x".getBytes(StandardCharsets.UTF_8), null, false),
                new Body("a form of 10,000 characters", ("reason=" + HUGE).getBytes(StandardCharsets.UTF_8),
                        "application/x-www-form-urlencoded", false),
                new Body("an image that is not one", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "image/png", false),
                new Body("a calendar that is not one", "BEGIN:VCALENDAR\r\nDTSTART:garbage".getBytes(StandardCharsets.UTF_8),
                        "text/calendar", false),
                new Body("a CSV with a NUL", "date,type\n2027-01-01,\u0000\n\"unclosed".getBytes(StandardCharsets.UTF_8),
                        "text/csv", false),
                new Body("an empty body", new byte[0], "application/octet-stream", false),
                new Body("nothing at all", new byte[0], null, false));
    }

    /** Values for a path parameter that name nothing, or nothing sane. */
    static List<String> badPathValues() {
        return List.of("..", "%2e%2e", "%00", "a%00b", "x".repeat(300), "%ff%fe", "%C0%AF", "%E6%B8%85%E6%9C%97",
                "-1", "0", "99999999999999999999", "00000000-0000-0000-0000-000000000000", "%20", "'%3B--", "%7Btenant%7D",
                "%2F", "null");
    }

    /** Values for a query parameter that a typed reader must refuse or ignore. */
    static List<String> badQueryValues() {
        return List.of("", "%00", "x".repeat(2_000), "-1", "99999999999999999999", "1e400", "true%00",
                "%ff", "2026-13-45", "%E6%B8%85", "a,b,,c", "%0d%0aX-Injected:%201");
    }

    /** Headers a hostile client adds: each a name and a value. */
    static List<Map.Entry<String, String>> oddHeaders() {
        return List.of(
                Map.entry("If-Match", "garbage"), Map.entry("If-Match", "\"\""), Map.entry("If-Match", "W/\"1\""),
                Map.entry("If-Match", "*"), Map.entry("If-Match", "\"" + "9".repeat(5_000) + "\""),
                Map.entry("If-None-Match", "\"x\", garbage"),
                Map.entry("Idempotency-Key", "k".repeat(10_000)), Map.entry("Idempotency-Key", "a b"),
                Map.entry("Accept", "image/gif"), Map.entry("Accept", "application/xml"), Map.entry("Accept", "*/*;q=abc"),
                Map.entry("Accept", "text/html"), Map.entry("Accept", "application/problem+json;q=0"),
                Map.entry("Accept-Language", "xx-YY-zz;q=7, *;q=-1"), Map.entry("Accept-Language", "l".repeat(3_000)),
                Map.entry("Proof-Of-Work", "a:b:c"), Map.entry("Proof-Of-Work", "x".repeat(5_000)),
                Map.entry("Authorization", "Bearer garbage"), Map.entry("Authorization", "Basic Zm9vOmJhcg=="),
                Map.entry("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."),
                Map.entry("Cookie", "qinglang_session=garbage; qinglang_csrf=%00; qinglang_lang=xx"),
                Map.entry("X-Forwarded-For", "999.999.999.999"), Map.entry("X-Forwarded-For", "unknown, , ::ffff:1.2.3.4"),
                Map.entry("X-Forwarded-For", "1.2.3.4".repeat(300)));
    }

    private static JsonNode wrongType(JsonNode value) {
        if (value.isTextual()) {
            return NODES.numberNode(123);
        }
        if (value.isArray()) {
            return NODES.objectNode().put("a", 1);
        }
        if (value.isObject()) {
            return NODES.arrayNode().add("x");
        }
        return NODES.textNode("not a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static ObjectNode with(ObjectNode valid, String name, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        copy.set(name, value);
        return copy;
    }

    private static ObjectNode without(ObjectNode valid, String name) {
        ObjectNode copy = valid.deepCopy();
        copy.remove(name);
        return copy;
    }

    private static byte[] withField(JsonNode valid, String name, JsonNode value) {
        ObjectNode copy = valid.isObject() ? ((ObjectNode) valid).deepCopy() : NODES.objectNode();
        copy.set(name, value);
        return copy.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String duplicated(ObjectNode valid) {
        if (valid.isEmpty()) {
            return "{\"a\":1,\"a\":2}";
        }
        String first = valid.fieldNames().next();
        return valid.toString().replaceFirst("^\\{", "{\"" + first + "\":" + valid.get(first) + ",");
    }

    private static byte[] invalidUtf8(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int quote = json.indexOf("\":\"");
        String head = quote < 0 ? "{\"a\":\"" : json.substring(0, quote + 3);
        String tail = quote < 0 ? "\"}" : json.substring(quote + 3);
        bytes.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[]{(byte) 0xC3, 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        bytes.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }
}
