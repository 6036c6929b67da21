package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a hostile client sends to a running instance, each once answered with a 500 or a 503 (issue 17's list of
 * defects found by hostile input): each now gets a clear 4xx, or what an ordinary request gets.
 */
class HostileInputIT {

    private static Fixtures.TestTenant body;

    @BeforeAll
    static void start() {
        body = Fixtures.onboard("INTERNET_CONTENT");
    }

    @Test
    void aNulByteInTheSlugFindsNoBody() {
        String nul = body.slug().substring(0, 3) + "%00" + body.slug().substring(3);
        for (String path : List.of("/api/v1/tenants/" + nul + "/public-configuration",
                "/api/v1/tenants/" + nul + "/statistics", "/t/" + nul, "/t/" + nul + "/report")) {
            Api.Response answer = api().get(path, Api.Call.anonymous());
            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(404);
        }
        Api.Response tracking = api().postJson("/api/v1/tenants/" + nul + "/tracking",
                Api.object().put("receiptCode", "ABCD-EFGH-JKLM-NPQR"), Api.Call.anonymous());
        assertThat(tracking.status()).as(tracking.body()).isEqualTo(404);
        assertThat(tracking.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnquotedEntityTagIsNoPrecondition() {
        String path = "/api/v1/tenants/" + body.slug() + "/public-configuration";
        Api.Response plain = api().get(path, Api.Call.anonymous());
        assertThat(plain.status()).isEqualTo(200);
        for (String header : List.of("If-None-Match", "If-Match")) {
            Api.Response answer = api().get(path, new Api.Call().header(header, "kkkk"));
            assertThat(answer.status()).as(header + ": " + answer.body()).isIn(200, 412);
        }
        Api.Response unquoted = api().get(path, new Api.Call().header("If-None-Match", "kkkk"));
        assertThat(unquoted.status()).isEqualTo(200);
        assertThat(unquoted.body()).isEqualTo(plain.body());
    }

    @Test
    void anIcsEventWithoutEndUidOrEnglishNameIsImported() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Hostile//EN", "BEGIN:VEVENT",
                "DTSTART;VALUE=DATE:20280101", "SUMMARY:元旦", "END:VEVENT", "BEGIN:VEVENT",
                "DTSTART;VALUE=DATE:20280102", "END:VEVENT", "END:VCALENDAR", "");
        String year = "/api/v1/tenants/" + body.slug() + "/configuration/calendar/years/2028";
        Api.Response imported = api().send("PUT", year, ics, "text/calendar",
                new Api.Call().bearer(body.adminToken()));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Api.Response listed = api().get(year, new Api.Call().bearer(body.adminToken()));
        assertThat(listed.json().get("days").size()).isEqualTo(2);
        assertThat(listed.json().get("days").get(0).get("nameZh").asText()).isEqualTo("元旦");
    }

    @Test
    void aStaffIdThatIsNoAccountIdIsNotFound() {
        for (String id : List.of("..", "%2e%2e", "%20", "x".repeat(65))) {
            Api.Response answer = api().postJson("/api/v1/tenants/" + body.slug() + "/staff/" + id + "/deactivate",
                    Api.object(), new Api.Call().bearer(body.adminToken()));
            assertThat(answer.status()).as(id + ": " + answer.body()).isIn(404, 405);
            assertThat(answer.status()).as(id).isNotEqualTo(503);
        }
        Api.Response unknown = api().postJson("/api/v1/tenants/" + body.slug() + "/staff/not-an-account/deactivate",
                Api.object(), new Api.Call().bearer(body.adminToken()));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
    }

    // Issue 17, item 4.1: a NUL in an uploaded file's name

    @Test
    void aControlCharacterInAFileNameIsDroppedFromTheNameOnTheApi() {
        Api.Response submitted = api().postMultipart("/api/v1/tenants/" + body.slug() + "/reports", "report",
                report("web", "gambling"), List.of(png("pho\u0000to.png"), png("\u0000\u0007"),
                        png("a\u202Eb.png")), Api.Call.anonymous());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String receipt = api().remembering(submitted).json().get("receiptCode").asText();
        assertThat(fileNames(receipt)).containsExactlyInAnyOrder("photo.png", "evidence-2", "ab.png");

        ObjectNode information = Api.object().put("receiptCode", receipt).put("message", "还有一张截图");
        Api.Response added = api().postMultipart("/api/v1/tenants/" + body.slug() + "/tracking/information",
                "information", information, List.of(png("screen\u0000shot.png")), Api.Call.anonymous());
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(fileNames(receipt)).contains("screenshot.png");
    }

    @Test
    void aControlCharacterInAFileNameIsDroppedFromTheNameOnThePortalsForm() {
        Fixtures.FormVisit visit = Fixtures.visit("/t/" + body.slug() + "/report", Api.Call.anonymous());
        Map<String, String> fields = Fixtures.reportForm(visit, "gambling", "https://gambling.example/nul",
                "文件名里有空字符 / a NUL in the file's name");

        Api.Response receipt = api().postForm("/t/" + body.slug() + "/report", fields, List.of(png("pho\u0000to.png")),
                visit.post());

        assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
        Matcher code = Pattern.compile("id=\"receipt-code\">([^<]+)<").matcher(receipt.body());
        assertThat(code.find()).as(receipt.body()).isTrue();
        Fixtures.platform().remember(code.group(1));
        assertThat(fileNames(code.group(1))).containsExactly("photo.png");
    }

    private static Api.FilePart png(String name) {
        return new Api.FilePart("evidence", name, "image/png", Fixtures.png());
    }

    private static List<String> fileNames(String receipt) {
        Api.Response tracked = Fixtures.track(body, receipt, Api.Call.anonymous());
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
        return tracked.json().get("timeline").findValues("files").stream()
                .flatMap(files -> files.findValuesAsText("name").stream()).toList();
    }

    // Issue 17, item 4.2: a name the identity provider refuses

    @Test
    void aNameOrAddressTheIdentityProviderRefusesIsABadFieldNotAnOutage() {
        String staff = "/api/v1/tenants/" + body.slug() + "/staff";
        record Bad(String email, String firstName, String lastName, String pointer) {
        }
        for (Bad bad : List.of(new Bad("a1@" + body.slug() + ".example", "<script>", "Li", "/firstName"),
                new Bad("a2@" + body.slug() + ".example", "Ada", "Tab\tName", "/lastName"),
                new Bad("a3@" + body.slug() + ".example", "Ada (Admin)", "Li", "/firstName"),
                new Bad("a4@" + body.slug() + ".example", "Ada", "Line\u2028Break", "/lastName"),
                new Bad("o'brien@" + body.slug() + ".example", "Ada", "Li", "/email"))) {
            ObjectNode invitation = Api.object().put("email", bad.email()).put("firstName", bad.firstName())
                    .put("lastName", bad.lastName());
            invitation.putArray("roles").add("handler");
            Api.Response answer = api().postJson(staff, invitation, new Api.Call().bearer(body.adminToken()));
            assertThat(answer.status()).as(bad + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("errors").findValuesAsText("pointer")).as(bad.toString())
                    .containsExactly(bad.pointer());
        }
        Api.Response members = api().get(staff, new Api.Call().bearer(body.adminToken()));
        assertThat(members.json().findValuesAsText("username")).as("no account made")
                .noneMatch(name -> name.startsWith("a1@") || name.startsWith("a2@") || name.startsWith("a3@")
                        || name.startsWith("a4@") || name.startsWith("o'brien@"));
    }

    // Issue 17, item 4.3: text that is not Unicode

    @Test
    void aLoneSurrogateInAJsonStringIsRefusedNamingTheField() {
        long before = Fixtures.rows("cases", body.id());
        String json = Api.JSON.valueToTree(report("web", "gambling")).toString()
                .replace("\"description\":\"", "\"description\":\"\\ud800 ");
        Api.Response lone = api().postJson("/api/v1/tenants/" + body.slug() + "/reports", json, Api.Call.anonymous());
        assertThat(lone.status()).as(lone.body()).isEqualTo(400);
        assertThat(lone.contentType()).startsWith("application/problem+json");
        assertThat(lone.json().get("errors").findValuesAsText("pointer")).containsExactly("/description");

        String reversed = json.replace("\\ud800 ", "\\udc00\\ud800");
        Api.Response pair = api().postJson("/api/v1/tenants/" + body.slug() + "/reports", reversed, Api.Call.anonymous());
        assertThat(pair.status()).as(pair.body()).isEqualTo(400);
        assertThat(Fixtures.rows("cases", body.id())).isEqualTo(before);

        String emoji = json.replace("\\ud800 ", "\\ud83d\\ude00 ");
        Api.Response fine = api().postJson("/api/v1/tenants/" + body.slug() + "/reports", emoji, Api.Call.anonymous());
        assertThat(fine.status()).as("a surrogate pair is a character: " + fine.body()).isEqualTo(201);
        api().remembering(fine);
    }

    @Test
    void anOverlongUtf8SequenceIsRefused() {
        long before = Fixtures.rows("cases", body.id());
        String json = Api.JSON.valueToTree(report("web", "gambling")).toString();
        int at = json.indexOf("\"description\":\"") + "\"description\":\"".length();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[]{'.', '.', (byte) 0xC0, (byte) 0xAF, 'x'});
        bytes.writeBytes(json.substring(at).getBytes(StandardCharsets.UTF_8));

        Api.Response overlong = api().postJson("/api/v1/tenants/" + body.slug() + "/reports", bytes.toByteArray(),
                Api.Call.anonymous());

        assertThat(overlong.status()).as(overlong.body()).isEqualTo(400);
        assertThat(overlong.contentType()).startsWith("application/problem+json");
        assertThat(overlong.json().get("errors").get(0).get("pointer").asText()).isEqualTo("/description");
        assertThat(overlong.json().get("errors").get(0).get("detail").asText()).contains("UTF-8");
        assertThat(Fixtures.rows("cases", body.id())).isEqualTo(before);
    }

    @Test
    void aLoneSurrogateAsAssigneeIsABadField() {
        String handler = body.staffToken("handler");
        String reference = Fixtures.submitted(body, report("web", "gambling")).get("reference").asText();
        String cases = "/api/v1/tenants/" + body.slug() + "/cases";
        String id = api().get(cases + "?q=" + reference, new Api.Call().bearer(handler)).json()
                .get("items").get(0).get("id").asText();
        Api.Response detail = api().get(cases + "/" + id, new Api.Call().bearer(handler));

        Api.Response assigned = api().postJson(cases + "/" + id + "/assign", "{\"assignee\":\"\\ud800\"}",
                new Api.Call().bearer(handler).header("If-Match", detail.header("ETag")));

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(400);
        assertThat(assigned.json().get("errors").findValuesAsText("pointer")).containsExactly("/assignee");
        assertThat(api().get(cases + "/" + id, new Api.Call().bearer(handler)).header("ETag"))
                .isEqualTo(detail.header("ETag"));
    }

    @Test
    void aMalformedPercentEncodingInAFormIsABadRequest() {
        for (String form : List.of("csrf=%zz", "csrf=%E0%A4", "csrf=%ED%A0%80", "csrf=%C0%AF")) {
            RawHttp.Answer answer = RawHttp.send("POST /console/sign-out HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                    + "\r\nConnection: close\r\n", form.getBytes(StandardCharsets.US_ASCII));
            assertThat(answer.status()).as(form + ": " + answer.body()).isEqualTo(400);
        }
    }

    // Issue 17, item 4.4: Location from the Host header

    @Test
    void aLocationNeverNamesTheHostTheClientSent() {
        RawHttp.Answer redirect = RawHttp.send("GET /console/cases HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n");
        assertThat(redirect.status()).isEqualTo(303);
        assertThat(redirect.header("Location")).isNotNull().doesNotContain("evil.example");

        String slug = Fixtures.uniqueSlug("lo");
        byte[] onboarding = Api.write(Fixtures.onboarding(slug, "INTERNET_CONTENT"));
        RawHttp.Answer created = RawHttp.send("POST /api/v1/platform/tenants HTTP/1.1\r\nHost: evil.example\r\n"
                + "Authorization: Bearer " + api().operatorToken() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + onboarding.length + "\r\nConnection: close\r\n", onboarding);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isNotNull().doesNotContain("evil.example")
                .endsWith("/api/v1/platform/tenants/" + slug);
    }

    // Issue 17, item 4.5: the web server's own refusals

    @Test
    void whatTheWebServerRefusesBeforeAnyRouteIsAProblemToo() {
        String path = "/api/v1/tenants/" + body.slug() + "/public-configuration";
        record Bad(String name, String head, int status) {
        }
        for (Bad bad : List.of(
                new Bad("control character in a header", "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\u0001b\r\n", 400),
                new Bad("raw characters in the query", "GET " + path + "?a=<x>|{y}\"z\" HTTP/1.1\r\nHost: localhost\r\n", 400),
                new Bad("space in the path", "GET /api/v1/ten ants HTTP/1.1\r\nHost: localhost\r\n", 400),
                new Bad("a very long URI", "GET " + path + "?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n", 414),
                new Bad("a very long header", "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Long: " + "a".repeat(40_000)
                        + "\r\n", 431))) {
            RawHttp.Answer answer = RawHttp.send(bad.head() + "Connection: close\r\n");
            assertThat(answer.status()).as(bad.name() + ": " + answer.body()).isEqualTo(bad.status());
            assertThat(answer.header("Content-Type")).as(bad.name()).startsWith("application/problem+json");
            JsonNode problem = answer.json();
            assertThat(problem.get("status").asInt()).as(bad.name()).isEqualTo(bad.status());
            assertThat(problem.get("type").asText()).as(bad.name()).startsWith("https://qinglang.io/problems/");
            assertThat(problem.get("title").asText()).as(bad.name()).isNotBlank();
            assertThat(problem.get("detail").asText()).as(bad.name()).isNotBlank();
        }
    }

    // Issue 17, item 4.6: a flood of receipt lookups

    @Test
    void duringAFloodOfLookupsAReporterWhoSolvesTheChallengeGetsThrough() throws Exception {
        Fixtures.TestTenant busy = Fixtures.onboard("CONSUMER_COMPLAINTS");
        String receipt = Fixtures.submitted(busy, report("web", "product-quality")).get("receiptCode").asText();
        Fixtures.platform().remember(receipt);
        String tracking = "/api/v1/tenants/" + busy.slug() + "/tracking";
        assertThat(api().get(tracking + "/challenge", Api.Call.anonymous()).json().get("required").asBoolean()).isFalse();

        Fixtures.floodLookups(busy);

        Api.Response refused = Fixtures.track(busy, receipt, Api.Call.anonymous());
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("PROOF_OF_WORK_REQUIRED");
        assertThat(refused.json().get("detail").asText()).contains("/tracking/challenge").doesNotContain(receipt);

        JsonNode challenge = api().get(tracking + "/challenge", Api.Call.anonymous()).json();
        assertThat(challenge.get("required").asBoolean()).isTrue();
        String token = challenge.get("token").asText();
        String proof = ProofOfWorkIT.solve(token, challenge.get("difficultyBits").asInt());
        ObjectNode intake = api().get("/api/v1/tenants/" + busy.slug() + "/reports/challenge", Api.Call.anonymous()).json()
                .deepCopy();
        for (String bad : List.of("nonsense", token + ":x", solveAnother(token), ProofOfWorkIT.solve(
                token.replaceFirst("\\.[^.]+$", ".forged"), 1))) {
            Api.Response wrong = Fixtures.track(busy, receipt, Api.Call.anonymous().header("Proof-Of-Work", bad));
            assertThat(wrong.status()).as(bad).isEqualTo(403);
            assertThat(wrong.json().get("detail").asText()).as(bad).contains("not accepted");
        }
        assertThat(intake.get("required").asBoolean()).as("the intake is not flooded").isFalse();

        Api.Response tracked = Fixtures.track(busy, receipt, Api.Call.anonymous().header("Proof-Of-Work", proof));
        assertThat(tracked.status()).as(tracked.body()).isEqualTo(200);
        assertThat(tracked.json().get("status").asText()).isEqualTo("RECEIVED");
        Api.Response replayed = Fixtures.track(busy, receipt, Api.Call.anonymous().header("Proof-Of-Work", proof));
        assertThat(replayed.status()).isEqualTo(403);
        assertThat(replayed.json().get("detail").asText()).contains("used already");

        assertThat(api().get("/api/v1/tenants/" + body.slug() + "/tracking/challenge", Api.Call.anonymous()).json()
                .get("required").asBoolean()).as("another body").isFalse();
    }

    // Issue 17, item 5: found by FuzzIT

    @Test
    void aFormPostedToTheConsoleIsReadByTheConsole() {
        String csrf = io.qinglang.admin.console.application.ConsoleSessions.randomKey();
        String session = "qinglang_session=" + consoleSession(csrf);

        Api.Response saved = api().postBytes("/console/admin/retention", ("csrf=" + csrf + "&months=23&version=0")
                .getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", new Api.Call().header("Cookie", session));

        assertThat(saved.status()).as("the page marks the bad month: " + saved.body()).isEqualTo(400);
        assertThat(saved.contentType()).startsWith("text/html");
    }

    @Test
    void aConsolePostThatCarriesNoFormIsRefusedNotAFailure() {
        String session = "qinglang_session=" + consoleSession(io.qinglang.admin.console.application.ConsoleSessions.randomKey());
        record Bad(String path, byte[] body, String contentType, int status) {
        }
        for (Bad bad : List.of(new Bad("/console/sign-out", new byte[0], null, 415),
                new Bad("/console/sign-out", "{}".getBytes(StandardCharsets.UTF_8), "application/json", 415),
                new Bad("/console/admin/retention", "months=30".getBytes(StandardCharsets.UTF_8), null, 415),
                new Bad("/console/admin/retention", new byte[0], "application/x-www-form-urlencoded", 400),
                new Bad("/console/intake", new byte[0], null, 415))) {
            Api.Response answer = api().postBytes(bad.path(), bad.body(), bad.contentType(),
                    new Api.Call().header("Cookie", session));
            assertThat(answer.status()).as(bad.path() + " as " + bad.contentType() + ": " + answer.body()).isEqualTo(bad.status());
        }
    }

    @Test
    void anInvitationToADeactivatedMemberIsAConflictNotAnOutage() {
        body.staffToken("departed", "handler");
        String staff = "/api/v1/tenants/" + body.slug() + "/staff";
        String userId = api().get(staff, new Api.Call().bearer(body.adminToken())).json().findParents("username").stream()
                .filter(m -> m.get("username").asText().startsWith("departed@")).findFirst().orElseThrow()
                .get("userId").asText();
        Api.Response deactivated = api().postJson(staff + "/" + userId + "/deactivate", Api.object(),
                new Api.Call().bearer(body.adminToken()));
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);

        Api.Response invited = api().postJson(staff + "/" + userId + "/invitation", Api.object(),
                new Api.Call().bearer(body.adminToken()));

        assertThat(invited.status()).as(invited.body()).isEqualTo(409);
        assertThat(invited.json().get("code").asText()).isEqualTo("STAFF_DEACTIVATED");
    }

    @Test
    void oneSlugOnboardedFourTimesAtOnceMakesOneBodyAndThreeConflicts() throws Exception {
        String slug = Fixtures.uniqueSlug("race");
        String operator = api().operatorToken();
        List<java.util.concurrent.Callable<Api.Response>> onboardings = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> (java.util.concurrent.Callable<Api.Response>) () -> api().postJson("/api/v1/platform/tenants",
                        Fixtures.onboarding(slug, "INTERNET_CONTENT"), new Api.Call().bearer(operator))).toList();
        List<Api.Response> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            for (var answer : pool.invokeAll(onboardings)) {
                answers.add(answer.get());
            }
        }
        assertThat(answers).as(answers.stream().map(Api.Response::body).toList().toString())
                .extracting(Api.Response::status).containsExactlyInAnyOrder(201, 409, 409, 409);
    }

    /** A console session of the body's admin, as signing in opens one; returns its cookie's key. */
    private static String consoleSession(String csrf) {
        return jakarta.enterprise.inject.spi.CDI.current().select(io.qinglang.admin.console.application.ConsoleSessions.class)
                .get().open(new io.qinglang.admin.console.application.ConsoleSession(body.slug(), "hostile-admin",
                        body.adminEmail(), "Ada", java.util.Set.of("tenant-admin", "handler"), null, csrf,
                        java.time.Instant.now()));
    }

    /** A solution of the token that does not solve it: the next number after one that does not. */
    private static String solveAnother(String token) throws Exception {
        String solved = ProofOfWorkIT.solve(token, 18);
        long n = Long.parseLong(solved.substring(solved.lastIndexOf(':') + 1));
        return token + ":" + (n + 1);
    }
}
