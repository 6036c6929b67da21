package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.onboard;
import static io.qinglang.infra.it.Fixtures.report;
import static io.qinglang.infra.it.Fixtures.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every bad input gets a 4xx problem+json that names the problem, and writes nothing at all. */
class BadInputsIT {

    static Fixtures.TestTenant tenant;

    @BeforeAll
    static void tenant() {
        tenant = onboard("INTERNET_CONTENT");
    }

    /** Sends one bad request to the tenant. */
    interface BadRequest extends Function<String, Api.Response> {
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                json("malformed JSON", "{\"channel\": \"web\",", 400, "", "malformed JSON"),
                json("an array instead of an object", "[1, 2]", 400, "", null),
                json("an empty body", "", 400, "", "required"),
                json("JSON null", "null", 400, "", null),
                json("trailing garbage", report("web", "fraud") + " xyz", 400, "", null),
                json("a duplicated field", "{\"channel\":\"web\",\"channel\":\"app\"}", 400, "", null),
                edited("missing channel", r -> r.remove("channel"), 400, "/channel"),
                edited("missing description", r -> r.remove("description"), 400, "/description"),
                edited("missing subject", r -> r.remove("subject"), 400, "/subject"),
                edited("an unknown field", r -> r.put("colour", "red"), 400, "/colour"),
                edited("an unknown nested field", r -> r.withObject("subject").put("colour", "red"), 400, "/subject/colour"),
                edited("a number for a text field", r -> r.put("channel", 42), 400, "/channel"),
                edited("a string for an object", r -> r.put("subject", "https://x.example"), 400, "/subject"),
                edited("an array for a text field", r -> r.putArray("description").add("a"), 400, "/description"),
                edited("an unknown category", r -> r.put("category", "astrology"), 400, "/category"),
                edited("an unknown channel", r -> r.put("channel", "pigeon"), 400, "/channel"),
                edited("a channel that takes no online reports", r -> r.put("channel", "hotline"), 400, "/channel"),
                edited("an oversized description", r -> r.put("description", "长".repeat(10_001)), 400, "/description"),
                edited("an oversized subject", r -> r.withObject("subject").put("value", "https://x.example/" + "a".repeat(2_000)), 400, "/subject/value"),
                edited("an unknown anonymity", r -> r.put("anonymity", "SECRET"), 400, "/anonymity"),
                edited("an identity on an anonymous report", r -> r.putObject("reporter").put("name", "X"), 400, "/reporter"),
                edited("a confidential report without identity", r -> r.put("anonymity", "CONFIDENTIAL"), 400, "/reporter"),
                edited("a malformed e-mail", r -> r.putObject("contact").put("email", "nobody"), 400, "/contact/email"),
                edited("a javascript: URL", r -> r.withObject("subject").put("value", "javascript:alert(1)"), 400, "/subject/value"),
                edited("SQL injection as category", r -> r.put("category", "fraud' OR '1'='1"), 400, "/category"),
                edited("HTML injection as channel", r -> r.put("channel", "<script>alert(1)</script>"), 400, "/channel"),
                edited("control characters", r -> r.put("description", "bell\u0007 null\u0000"), 400, "/description"),
                raw("invalid UTF-8", withInvalidUtf8(), "application/json", 400, null, "UTF-8"),
                raw("a text/plain body", "channel=web".getBytes(StandardCharsets.UTF_8), "text/plain", 415, null, null),
                keyed("a too short Idempotency-Key", "abc"),
                keyed("an Idempotency-Key with spaces", "not a valid key"),
                keyed("an overlong Idempotency-Key", "k".repeat(129)),
                files("too many files", IntStream.range(0, 4).mapToObj(i -> png("f" + i + ".png")).toList(), 413, "/evidence/3"),
                files("a file too large", List.of(new Api.FilePart("evidence", "big.pdf", "application/pdf",
                        pdfOf(300 * 1024))), 413, "/evidence/0"),
                files("an executable", List.of(new Api.FilePart("evidence", "x.exe", "application/x-msdownload",
                        new byte[]{'M', 'Z', 0, 0})), 415, "/evidence/0"),
                files("a script posing as a picture", List.of(new Api.FilePart("evidence", "x.png", "image/png",
                        "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))), 415, "/evidence/0"),
                files("an unknown part", List.of(new Api.FilePart("attachment", "x.png", "image/png", Fixtures.png())), 400, "/attachment"),
                arguments("a multipart request without its report", (BadRequest) slug -> api().postMultipart(
                        "/api/v1/tenants/" + slug + "/reports", "report", null, List.of(png("a.png")), Api.Call.anonymous()),
                        400, "/report", null),
                files("a request larger than allowed", IntStream.range(0, 3).mapToObj(i -> new Api.FilePart("evidence",
                        "p" + i + ".pdf", "application/pdf", pdfOf(400 * 1024))).toList(), 413, null),
                arguments("a malformed receipt code", (BadRequest) slug -> api().postJson("/api/v1/tenants/" + slug + "/tracking",
                        "{\"receiptCode\":\"'; drop table cases; --\"}", Api.Call.anonymous()), 400, "/receiptCode", null),
                arguments("a tracking request without receipt", (BadRequest) slug -> api().postJson("/api/v1/tenants/" + slug
                        + "/tracking", "{}", Api.Call.anonymous()), 400, "/receiptCode", null),
                arguments("information without a message", (BadRequest) slug -> api().postJson("/api/v1/tenants/" + slug
                        + "/tracking/information", "{\"receiptCode\":\"0000-0000-0000-0000\"}", Api.Call.anonymous()),
                        400, "/message", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void isRefusedWithAProblemNamingItAndWritesNothing(String name, BadRequest request, int status, String pointer,
                                                       String detail) {
        List<Long> before = written(tenant.id());
        Api.Response response = request.apply(tenant.slug());

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asText()).isNotBlank();
        if (pointer != null) {
            assertThat(problem.get("errors").findValuesAsText("pointer")).as(problem.toString()).contains(pointer);
        }
        if (detail != null) {
            assertThat(problem.toString()).contains(detail);
        }
        assertThat(written(tenant.id())).as("rows written").isEqualTo(before);
    }

    private static Arguments json(String name, String body, int status, String pointer, String detail) {
        return raw(name, body.getBytes(StandardCharsets.UTF_8), "application/json", status, pointer, detail);
    }

    private static Arguments raw(String name, byte[] body, String contentType, int status, String pointer, String detail) {
        return arguments(name, (BadRequest) slug -> api().postBytes("/api/v1/tenants/" + slug + "/reports", body,
                contentType, Api.Call.anonymous()), status, pointer, detail);
    }

    private static Arguments edited(String name, java.util.function.Consumer<ObjectNode> edit, int status, String pointer) {
        ObjectNode body = report("web", "fraud");
        edit.accept(body);
        return arguments(name, (BadRequest) slug -> api().postJson("/api/v1/tenants/" + slug + "/reports", body,
                Api.Call.anonymous()), status, pointer, null);
    }

    private static Arguments keyed(String name, String key) {
        return arguments(name, (BadRequest) slug -> api().postJson("/api/v1/tenants/" + slug + "/reports",
                report("web", "fraud"), Api.Call.anonymous().header("Idempotency-Key", key)), 400,
                "/headers/Idempotency-Key", null);
    }

    private static Arguments files(String name, List<Api.FilePart> files, int status, String pointer) {
        return arguments(name, (BadRequest) slug -> api().postMultipart("/api/v1/tenants/" + slug + "/reports", "report",
                report("web", "fraud"), files, Api.Call.anonymous()), status, pointer, null);
    }

    private static Api.FilePart png(String name) {
        return new Api.FilePart("evidence", name, "image/png", Fixtures.png());
    }

    private static byte[] pdfOf(int size) {
        byte[] pdf = new byte[size];
        java.util.Arrays.fill(pdf, (byte) 'x');
        System.arraycopy(Fixtures.pdf(), 0, pdf, 0, 8);
        return pdf;
    }

    private static byte[] withInvalidUtf8() {
        byte[] head = "{\"channel\":\"web\",\"category\":\"fraud\",\"description\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\",\"anonymity\":\"ANONYMOUS\",\"subject\":{\"type\":\"OTHER\",\"value\":\"x\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xC3;
        body[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, body, head.length + 2, tail.length);
        return body;
    }
}
