package io.qinglang.infra.it;

import io.qinglang.infra.it.FuzzPlan.Request;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Sends the fuzzer's requests over HTTP/1.1 from a few threads, keeping each answer's status, type and problem code. */
final class FuzzSender {

    /** What came back: status, type, problem code; {@code status} -1 when no answer came, {@code code} saying why. */
    record Answer(Request request, int status, String contentType, String code, String detail, String location) {
    }

    private final String base;
    private final int threads;
    private final HttpClient http;

    FuzzSender(String base, int threads) {
        this.base = base;
        this.threads = threads;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    List<Answer> sendAll(List<Request> requests) {
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Answer>> answers = requests.stream().map(r -> pool.submit(() -> send(r))).toList();
            return answers.stream().map(FuzzSender::join).toList();
        }
    }

    private Answer send(Request request) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path()))
                    .timeout(Duration.ofSeconds(30))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body().bytes()));
            request.headers().forEach(builder::header);
            if (request.body() != null && request.body().contentType() != null) {
                builder.header("Content-Type", request.body().contentType());
            }
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Answer(request, response.statusCode(), type, code(type, response.body()), null,
                    response.headers().firstValue("Location").orElse(""));
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(request, -1, "", e.getClass().getSimpleName(), e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String code(String type, byte[] body) {
        if (!type.startsWith("application/problem+json")) {
            return null;
        }
        try {
            return Api.JSON.readTree(body).path("code").asText(null);
        } catch (IOException e) {
            return "unreadable problem: " + new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8);
        }
    }

    private static Answer join(Future<Answer> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
