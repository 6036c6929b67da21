package io.qinglang.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The benchmark's HTTP client of the platform: JSON over HTTP/1.1 keep-alive connections ({@link Http1Connections}),
 * shared by all clients; Keycloak's token endpoint is reached with the JDK's client. A non-2xx answer is a
 * {@link RequestFailed} named by its status and problem code.
 */
final class PlatformClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, String> JSON_BODY = Map.of("Content-Type", "application/json");

    private final String base;
    private final Http1Connections platform;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();

    PlatformClient(String base) {
        this.base = base;
        this.platform = new Http1Connections(URI.create(base), TIMEOUT);
    }

    /** The platform's address, {@code http://host:port}. */
    String base() {
        return base;
    }

    /** POSTs JSON to a path of the platform, with an optional bearer token; returns the 2xx answer's body. */
    JsonNode postJson(String path, byte[] body, String bearer) throws IOException, InterruptedException, RequestFailed {
        Map<String, String> headers = bearer == null ? JSON_BODY
                : Map.of("Content-Type", "application/json", "Authorization", "Bearer " + bearer);
        return answer(platform.exchange("POST", path, headers, body));
    }

    /** GETs a page of the platform; returns its length in bytes after checking the answer is 2xx. */
    int getPage(String path) throws IOException, InterruptedException, RequestFailed {
        return getPage(path, null);
    }

    /** GETs a page with a cookie (a console session); a redirect to sign in is a failure, not a page. */
    int getPage(String path, String cookie) throws IOException, InterruptedException, RequestFailed {
        Http1Connections.Answer answer = platform.exchange("GET", path,
                cookie == null ? Map.of() : Map.of("Cookie", cookie), null);
        if (answer.status() / 100 != 2) {
            throw new RequestFailed("HTTP " + answer.status() + problemCode(answer.body()));
        }
        return answer.body().length;
    }

    /** GETs JSON from a path of the platform with a bearer token; returns the 2xx answer's body. */
    JsonNode getJson(String path, String bearer) throws IOException, InterruptedException, RequestFailed {
        return getJson(path, Map.of("Authorization", "Bearer " + bearer));
    }

    /** GETs JSON from a path of the platform with these headers; returns the 2xx answer's body. */
    JsonNode getJson(String path, Map<String, String> headers) throws IOException, InterruptedException, RequestFailed {
        return answer(platform.exchange("GET", path, headers, null));
    }

    /** POSTs a form to any URL (Keycloak's token endpoint). */
    JsonNode postForm(String url, String form) throws IOException, InterruptedException, RequestFailed {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return answer(new Http1Connections.Answer(response.statusCode(), response.body()));
    }

    private static JsonNode answer(Http1Connections.Answer answer) throws IOException, RequestFailed {
        if (answer.status() / 100 != 2) {
            throw new RequestFailed("HTTP " + answer.status() + problemCode(answer.body()));
        }
        return answer.body().length == 0 ? JSON.nullNode() : JSON.readTree(answer.body());
    }

    private static String problemCode(byte[] body) {
        try {
            JsonNode code = JSON.readTree(body).path("code");
            return code.isTextual() ? " " + code.asText() : "";
        } catch (IOException notJson) {
            return "";
        }
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
