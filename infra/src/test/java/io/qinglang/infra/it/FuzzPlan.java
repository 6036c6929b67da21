package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qinglang.infra.it.Mutations.Body;
import io.qinglang.infra.it.OpenApiOperations.Operation;
import io.qinglang.infra.it.OpenApiOperations.Parameter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The fuzzer's requests, made from the OpenAPI document and a fixed seed: for every operation, valid-ish requests
 * from every caller, then broken bodies, path values, query values, headers and content types from the caller most
 * likely to get past the door; and, aimed at a tenant that must only ever refuse, requests refused by construction
 * (a caller without rights there, a body no JSON reader takes, an id that names nothing).
 */
final class FuzzPlan {

    /**
     * Who sends a request: a name for the report, the headers that make them who they are (a bearer token for the
     * API, a console session's cookie for the console) and the CSRF token the session's forms carry.
     */
    record Caller(String name, Map<String, String> headers, String csrf) {
        static Caller bearer(String name, String token) {
            return new Caller(name, Map.of("Authorization", "Bearer " + token), null);
        }

        Caller withSession(String key, String csrf) {
            Map<String, String> both = new LinkedHashMap<>(headers);
            both.put("Cookie", "qinglang_session=" + key);
            return new Caller(name, both, csrf);
        }
    }

    /** One request; {@code mustBeRefused} when it is aimed at the tenant that only ever refuses. */
    record Request(String operation, String what, Caller caller, String method, String path,
                   Map<String, String> headers, Body body, boolean mustBeRefused) {
        String describe() {
            return method + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path) + " as " + caller.name()
                    + " (" + what + ")" + (body == null ? "" : " body " + body.contentType() + ": " + body.excerpt());
        }
    }

    /** The callers of one tenant: its admin, handler and supervisor. */
    record Staff(Caller admin, Caller handler, Caller supervisor) {
    }

    /** What the plan aims at: the tenants' slugs, real ids for path values, known field values, the callers. */
    record Targets(String slug, String untouchedSlug, String operatedSlug, Map<String, List<String>> pathValues,
                   Function<String, JsonNode> known, Caller anonymous, Staff staff, Caller operator,
                   Caller otherAdmin, Staff untouched) {
    }

    private final OpenApiOperations document;
    private final Targets targets;
    private final Random random;
    private final List<Request> requests = new ArrayList<>();

    FuzzPlan(OpenApiOperations document, Targets targets, long seed) {
        this.document = document;
        this.targets = targets;
        this.random = new Random(seed);
    }

    List<Request> requests() {
        for (Operation operation : document.all()) {
            plan(operation);
        }
        return requests;
    }

    private void plan(Operation op) {
        Caller rightful = rightful(op, targets.staff());
        Body valid = validBody(op);
        for (Caller caller : List.of(targets.anonymous(), targets.staff().admin(), targets.staff().handler(),
                targets.staff().supervisor(), targets.operator(), targets.otherAdmin())) {
            add(op, "valid-ish", caller, values(op), query(op, Map.of()), Map.of(), valid, false);
        }
        if (op.hasJsonBody()) {
            JsonNode sample = sample(op);
            Mutations.malformedBodies(sample).forEach(b -> add(op, b.name(), rightful, b));
            Mutations.brokenFields((ObjectNode) sample).forEach(b -> add(op, b.name(), rightful, b));
            Mutations.wrongContentTypes(sample).forEach(b -> add(op, b.name(), rightful, b));
        } else if (!op.mediaTypes().isEmpty()) {
            Mutations.brokenUploads().forEach(b -> add(op, b.name(), rightful, b));
        }
        for (Parameter p : op.in("path")) {
            for (String bad : Mutations.badPathValues()) {
                Map<String, String> values = new LinkedHashMap<>(values(op));
                values.put(p.name(), bad);
                add(op, p.name() + " = " + bad, rightful, values, query(op, Map.of()), Map.of(), valid, false);
            }
        }
        for (Parameter p : op.in("query")) {
            List<String> bad = Mutations.badQueryValues();
            for (int i = 0; i < 4; i++) {
                add(op, p.name() + " bad", rightful, values(op), query(op, Map.of(p.name(), bad.get(random.nextInt(bad.size())))),
                        Map.of(), valid, false);
            }
        }
        add(op, "an unknown query parameter", rightful, values(op), query(op, Map.of("fuzz%00", "%ff")), Map.of(), valid, false);
        for (Map.Entry<String, String> header : Mutations.oddHeaders()) {
            add(op, header.getKey() + ": " + abbreviated(header.getValue()), rightful, values(op), query(op, Map.of()),
                    Map.ofEntries(header), valid, false);
        }
        add(op, "an unknown method", rightful, values(op), "", Map.of(), valid, false, "PATCH");
        aimAtUntouched(op, rightful, valid);
    }

    /** Requests to the tenant that must only ever refuse: the wrong caller, a malformed body, an id of nothing. */
    private void aimAtUntouched(Operation op, Caller rightful, Body valid) {
        String tenantParameter = op.in("path").stream().map(Parameter::name)
                .filter(n -> n.equals("tenant") || n.equals("slug")).findFirst().orElse(null);
        if (tenantParameter == null) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>(values(op));
        values.put(tenantParameter, targets.untouchedSlug());
        Caller theirs = rightful == targets.anonymous() || rightful == targets.operator() ? rightful
                : rightful(op, targets.untouched());
        if (rightful != targets.anonymous()) {
            List<Caller> strangers = rightful == targets.operator()
                    ? List.of(targets.anonymous(), targets.untouched().admin(), targets.staff().admin())
                    : List.of(targets.anonymous(), targets.staff().admin(), targets.staff().handler(), targets.otherAdmin(),
                    targets.operator());
            strangers.forEach(c -> add(op, "a caller without rights there", c, values, "", Map.of(), valid, true));
        }
        if (op.hasJsonBody()) {
            Mutations.malformedBodies(sample(op)).forEach(b -> add(op, b.name(), theirs, values, "", Map.of(), b, true));
        }
        op.in("path").stream().filter(p -> "uuid".equals(p.schema().path("format").asText())).forEach(p -> {
            Map<String, String> nothing = new LinkedHashMap<>(values);
            nothing.put(p.name(), new java.util.UUID(random.nextLong(), random.nextLong()).toString());
            add(op, p.name() + " names nothing", theirs, nothing, "", Map.of(), valid, true);
        });
    }

    /** The caller most likely to be let through: the operator, a handler or supervisor, a reporter, an admin. */
    private Caller rightful(Operation op, Staff staff) {
        String path = op.path();
        if (path.contains("/platform")) { // the API's /platform/tenants and the console's /console/platform
            return targets.operator();
        }
        if (path.startsWith("/console/")) {
            return path.startsWith("/console/cases") || path.startsWith("/console/intake") ? staff.handler() : staff.admin();
        }
        if (path.startsWith("/t/") || path.matches(".*/(reports|tracking|public-configuration|statistics|published-reports|audit-head)(/.*)?")
                && !path.contains("disclosure-reports")) {
            return targets.anonymous();
        }
        if (path.contains("/cases")) {
            return random.nextBoolean() ? staff.handler() : staff.supervisor();
        }
        return staff.admin();
    }

    private JsonNode sample(Operation op) {
        return document.sample(op.bodySchema(), targets.known());
    }

    private Body validBody(Operation op) {
        if (op.hasJsonBody()) {
            return Body.json("valid-ish", sample(op).toString());
        }
        if (op.mediaTypes().contains("application/x-www-form-urlencoded")) {
            return new Body("a form", "reason=fuzz+reason+long+enough&version=1".getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded", false);
        }
        if (!op.mediaTypes().isEmpty()) {
            String type = op.mediaTypes().getFirst();
            return new Body("bytes", Fixtures.png(), type.equals("*/*") ? "application/octet-stream" : type, false);
        }
        return null;
    }

    private Map<String, String> values(Operation op) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter p : op.in("path")) {
            List<String> known = targets.pathValues().getOrDefault(p.name(), List.of("fuzz"));
            values.put(p.name(), p.name().equals("slug") ? targets.operatedSlug() : known.get(random.nextInt(known.size())));
        }
        return values;
    }

    private String query(Operation op, Map<String, String> overrides) {
        StringBuilder query = new StringBuilder();
        for (Parameter p : op.in("query")) {
            String value = overrides.getOrDefault(p.name(), switch (p.schema().path("type").asText()) {
                case "integer" -> "1";
                case "boolean" -> "true";
                default -> p.name().equals("limit") ? "5" : "x";
            });
            query.append(query.isEmpty() ? "?" : "&").append(p.name()).append('=').append(value);
        }
        overrides.forEach((name, value) -> {
            if (op.in("query").stream().noneMatch(p -> p.name().equals(name))) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value);
            }
        });
        return query.toString();
    }

    private void add(Operation op, String what, Caller caller, Body body) {
        add(op, what, caller, values(op), query(op, Map.of()), Map.of(), body, false);
    }

    private void add(Operation op, String what, Caller caller, Map<String, String> values, String query,
                     Map<String, String> headers, Body body, boolean mustBeRefused) {
        add(op, what, caller, values, query, headers, body, mustBeRefused, op.method());
    }

    private void add(Operation op, String what, Caller caller, Map<String, String> values, String query,
                     Map<String, String> headers, Body body, boolean mustBeRefused, String method) {
        String path = op.path();
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        Map<String, String> all = new LinkedHashMap<>(caller.headers());
        all.put("X-Forwarded-For", "10.77." + random.nextInt(250) + "." + (1 + random.nextInt(250)));
        all.putAll(headers);
        boolean sendsBody = !method.equals("GET") && !method.equals("DELETE");
        requests.add(new Request(op.toString(), what, caller, method, path + query, all,
                sendsBody ? withCsrf(body, caller) : null, mustBeRefused));
    }

    /** A form posted from a console session carries its CSRF token, as the session's pages would put it there. */
    private static Body withCsrf(Body body, Caller caller) {
        if (body == null || caller.csrf() == null || !"application/x-www-form-urlencoded".equals(body.contentType())) {
            return body;
        }
        byte[] token = ("csrf=" + caller.csrf() + "&").getBytes(StandardCharsets.UTF_8);
        byte[] both = java.util.Arrays.copyOf(token, token.length + body.bytes().length);
        System.arraycopy(body.bytes(), 0, both, token.length, body.bytes().length);
        return new Body(body.name(), both, body.contentType(), body.malformed());
    }

    private static String abbreviated(String value) {
        return value.length() > 40 ? value.substring(0, 20) + "…(" + value.length() + ")" : value;
    }
}
