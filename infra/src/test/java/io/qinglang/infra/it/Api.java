package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A small HTTP client for the tests: JSON and multipart requests, bearer tokens, a chosen client address. */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final TestPlatform platform;
    private final HttpClient http = HttpClient.newHttpClient();
    /** Tokens by user, with when they were fetched: access tokens live a few minutes, a run lasts longer. */
    private final Map<String, Fetched> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.time.Duration TOKEN_REUSE = java.time.Duration.ofMinutes(2);

    private record Fetched(String token, java.time.Instant at) {
    }

    Api(String base, TestPlatform platform) {
        this.base = base;
        this.platform = platform;
    }

    public String base() {
        return base;
    }

    /** One request's options: a bearer token, a client address, extra headers. */
    public static final class Call {
        final Map<String, String> headers = new LinkedHashMap<>();

        public static Call anonymous() {
            return new Call().from("10.9." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250));
        }

        public Call from(String clientAddress) {
            headers.put("X-Forwarded-For", clientAddress);
            return this;
        }

        public Call bearer(String token) {
            headers.put("Authorization", "Bearer " + token);
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }

    /** A response with its body read as text and, when it is JSON, parsed. */
    public record Response(int status, Map<String, List<String>> headers, byte[] bytes) {
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body(), e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    /** A file part of a multipart request. */
    public record FilePart(String name, String fileName, String contentType, byte[] content) {
    }

    public Response get(String path, Call call) {
        return send(builder(path, call).GET().build());
    }

    public Response postJson(String path, Object body, Call call) {
        byte[] bytes = body instanceof byte[] raw ? raw : body instanceof String text
                ? text.getBytes(StandardCharsets.UTF_8) : write(body);
        return postBytes(path, bytes, "application/json", call);
    }

    public Response postBytes(String path, byte[] body, String contentType, Call call) {
        HttpRequest.Builder request = builder(path, call).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** Any method with a body (PUT, PATCH, …); a JSON node, String or byte[] is sent as it is. */
    public Response send(String method, String path, Object body, String contentType, Call call) {
        byte[] bytes = body == null ? new byte[0] : body instanceof byte[] raw ? raw : body instanceof String text
                ? text.getBytes(StandardCharsets.UTF_8) : write(body);
        HttpRequest.Builder request = builder(path, call).method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    public Response putJson(String path, Object body, Call call) {
        return send("PUT", path, body, "application/json", call);
    }

    public Response delete(String path, Call call) {
        return send(builder(path, call).DELETE().build());
    }

    public Response postMultipart(String path, String jsonPart, Object json, List<FilePart> files, Call call) {
        String boundary = "qinglang-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (json != null) {
            part(body, boundary, "Content-Disposition: form-data; name=\"" + jsonPart + "\"\r\nContent-Type: application/json",
                    json instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : write(json));
        }
        filesAndEnd(body, boundary, files);
        return postBytes(path, body.toByteArray(), "multipart/form-data; boundary=" + boundary, call);
    }

    /** An HTML form posted as multipart/form-data: text fields, then files. */
    public Response postForm(String path, Map<String, String> fields, List<FilePart> files, Call call) {
        String boundary = "qinglang-form-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> part(body, boundary, "Content-Disposition: form-data; name=\"" + name + "\"",
                value.getBytes(StandardCharsets.UTF_8)));
        filesAndEnd(body, boundary, files);
        return postBytes(path, body.toByteArray(), "multipart/form-data; boundary=" + boundary, call);
    }

    private static void filesAndEnd(ByteArrayOutputStream body, String boundary, List<FilePart> files) {
        for (FilePart file : files) {
            part(body, boundary, "Content-Disposition: form-data; name=\"" + file.name() + "\"; filename=\""
                    + file.fileName() + "\"" + (file.contentType() == null ? "" : "\r\nContent-Type: " + file.contentType()),
                    file.content());
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** A password-grant access token from the console client (reused per user while it is young). */
    public String token(String username, String password) {
        java.time.Instant now = java.time.Instant.now();
        return tokens.compute(username + "\n" + password, (k, cached) -> cached != null
                && cached.at().plus(TOKEN_REUSE).isAfter(now) ? cached : new Fetched(fetchToken(username, password), now))
                .token();
    }

    public String operatorToken() {
        return token(platform.endpoints().operatorUsername(), platform.endpoints().operatorPassword());
    }

    /** A new token, never a cached one: what the user gets when they sign in now (e.g. after a role change). */
    public String freshToken(String username, String password) {
        String token = fetchToken(username, password);
        tokens.put(username + "\n" + password, new Fetched(token, java.time.Instant.now()));
        return token;
    }

    /** The identity provider's answer to a sign-in, whatever it is (e.g. a refusal for a disabled account). */
    public Response signIn(String username, String password) {
        String form = "grant_type=password&scope=openid%20organization&client_id="
                + platform.endpoints().consoleClientId() + "&username=" + enc(username) + "&password=" + enc(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(platform.endpoints().tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return send(request);
    }

    private String fetchToken(String username, String password) {
        Response response = signIn(username, password);
        if (response.status() != 200) {
            throw new AssertionError("no token for " + username + ": " + response.body());
        }
        return response.json().get("access_token").asText();
    }

    /** Records receipt codes and claim secrets handed out, for the never-logged check. */
    public Response remembering(Response response) {
        if (response.status() == 201 && response.body().contains("receiptCode")) {
            JsonNode json = response.json();
            List<String> secrets = new ArrayList<>(List.of(json.get("receiptCode").asText(), json.get("claimSecret").asText()));
            secrets.forEach(platform::remember);
            secrets.forEach(s -> platform.remember(s.replace("-", "")));
        }
        return response;
    }

    private HttpRequest.Builder builder(String path, Call call) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        call.headers.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
