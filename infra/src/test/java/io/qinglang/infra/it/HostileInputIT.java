package io.qinglang.infra.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.qinglang.infra.it.Fixtures.api;
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
}
