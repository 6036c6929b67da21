package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.report;
import static io.qinglang.infra.it.Fixtures.submit;
import static io.qinglang.infra.it.Fixtures.submitted;
import static org.assertj.core.api.Assertions.assertThat;

/** A tenant admin configures channels, categories, deadline policies, the calendar and disclosure over HTTP. */
class ConfigurationIT {

    private static CaseHandlingIT.Desk desk;
    private static String admin;

    @BeforeAll
    static void tenant() {
        desk = CaseHandlingIT.Desk.of("CONSUMER_COMPLAINTS");
        admin = desk.tenant().adminToken();
    }

    private static String config() {
        return "/api/v1/tenants/" + desk.tenant().slug() + "/configuration";
    }

    private static Api.Call asAdmin() {
        return new Api.Call().bearer(admin);
    }

    private static ObjectNode channel(String kind, String contact, String hours) {
        return body().put("nameZh", "热线").put("nameEn", "Hotline").put("kind", kind).put("contact", contact)
                .put("hours", hours).put("descriptionZh", "工作日 9:00-17:00").put("descriptionEn", "Weekdays 9-17");
    }

    private static ObjectNode category(String parent) {
        return body().put("nameZh", "分类").put("nameEn", "Category").put("parent", parent)
                .put("defaultSeverity", "ORDINARY").put("legalBasis", "《消费者权益保护法》");
    }

    private static ObjectNode policy(String stage, int amount, String unit) {
        return body().put("stage", stage).put("amount", amount).put("unit", unit);
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json();
    }

    @Test
    void badConfigurationsAreNamedFieldByFieldAndChangeNothing() {
        ok(api().putJson(config() + "/categories/tree-a", category(null), asAdmin()));
        ok(api().putJson(config() + "/categories/tree-b", category("tree-a"), asAdmin()));
        String before = everything();
        long audited = Fixtures.rows("audit_events", desk.tenant().id());

        record Bad(String method, String path, Object body, String contentType, List<String> pointers) {
        }
        ArrayNode sameDayTwice = Api.object().putArray("days");
        sameDayTwice.addObject().put("date", "2026-10-10").put("kind", "HOLIDAY").put("nameZh", "国庆节");
        sameDayTwice.addObject().put("date", "2026-10-10").put("kind", "WORKDAY").put("nameZh", "国庆节");
        ArrayNode wrongYear = Api.object().putArray("days");
        wrongYear.addObject().put("date", "2027-01-01").put("kind", "HOLIDAY");
        ArrayNode workdayOnAWednesday = Api.object().putArray("days");
        workdayOnAWednesday.addObject().put("date", "2026-10-14").put("kind", "WORKDAY");
        ArrayNode descending = Api.object().putArray("alertPercents").add(80).add(50).add(120);
        String json = "application/json";
        List<Bad> bad = List.of(
                new Bad("PUT", "/categories/tree-a", category("tree-a"), json, List.of("/parent")),
                new Bad("PUT", "/categories/tree-a", category("tree-b"), json, List.of("/parent")),
                new Bad("PUT", "/categories/tree-c", category("no-such-parent"), json, List.of("/parent")),
                new Bad("PUT", "/categories/tree-a", category(null).put("active", false), json, List.of("/active")),
                new Bad("PUT", "/categories/tree-c", category(null).put("nameZh", " "), json, List.of("/nameZh")),
                new Bad("PUT", "/categories/tree-c", category(null).put("defaultSeverity", "HUGE"), json,
                        List.of("/defaultSeverity")),
                new Bad("PUT", "/categories/Bad_Code", category(null), json, List.of("/code")),
                new Bad("PUT", "/channels/pigeon", channel("PIGEON", null, null), json, List.of("/kind")),
                new Bad("PUT", "/channels/hotline-2", channel("HOTLINE", null, null), json, List.of("/contact", "/hours")),
                new Bad("PUT", "/channels/mailbox", channel("EMAIL", "not-an-address", null), json, List.of("/contact")),
                new Bad("POST", "/deadline-policies", policy("DECIDE", -3, "WORKING_DAYS"), json, List.of("/amount")),
                new Bad("POST", "/deadline-policies", policy("DECIDE", 0, "WORKING_DAYS"), json, List.of("/amount")),
                new Bad("POST", "/deadline-policies", policy("DECIDE", 3, "WEEKS"), json, List.of("/unit")),
                new Bad("POST", "/deadline-policies", policy("LUNCH", 3, "HOURS"), json, List.of("/stage")),
                new Bad("POST", "/deadline-policies", policy("DECIDE", 3, "HOURS").set("alertPercents", descending),
                        json, List.of("/alertPercents/1", "/alertPercents/2")),
                new Bad("POST", "/deadline-policies", policy("DECIDE", 3, "HOURS").put("category", "no-such-category"), json,
                        List.of("/category")),
                new Bad("POST", "/deadline-policies", policy("APPEAL_WINDOW", 15, "WORKING_DAYS")
                        .set("extension", body().put("amount", 5).put("unit", "WORKING_DAYS")), json, List.of("/extension")),
                new Bad("PUT", "/calendar", body().put("timeZone", "Mars/Olympus").set("restDays", Api.object().putArray("x")
                        .add("SATURDAY")), json, List.of("/timeZone")),
                new Bad("PUT", "/calendar", body().put("timeZone", "Asia/Shanghai").set("restDays", Api.object().putArray("x")
                        .add("MONDAY").add("TUESDAY").add("WEDNESDAY").add("THURSDAY").add("FRIDAY").add("SATURDAY").add("SUNDAY")),
                        json, List.of("/restDays")),
                new Bad("PUT", "/calendar", body().put("timeZone", "Asia/Shanghai").set("restDays", Api.object().putArray("x")
                        .add("SUNDAY").add("SUNDAY")), json, List.of("/restDays/1")),
                new Bad("PUT", "/disclosure", disclosure(4), json, List.of("/smallCellThreshold")),
                new Bad("PUT", "/disclosure", disclosure(10).set("publicStatistics", Api.object().putArray("x").add("SALARIES")),
                        json, List.of("/publicStatistics/0")),
                new Bad("PUT", "/disclosure", disclosure(10).set("reportPeriods", Api.object().putArray("x")), json,
                        List.of("/reportPeriods")),
                new Bad("PUT", "/calendar/years/2026", body().set("days", sameDayTwice), json, List.of("/days/1/date")),
                new Bad("PUT", "/calendar/years/2026", body().set("days", wrongYear), json, List.of("/days/0/date")),
                new Bad("PUT", "/calendar/years/2026", body().set("days", workdayOnAWednesday), json, List.of("/days/0/kind")),
                new Bad("PUT", "/calendar/years/2026", "day,type\n2026-10-01,HOLIDAY\n", "text/csv", List.of("/lines/1")),
                new Bad("PUT", "/calendar/years/2026", "this is not a calendar", "text/calendar", List.of("/lines/1")),
                new Bad("PUT", "/calendar/years/2026", tooManyDays(), "text/calendar", List.of("/lines")),
                new Bad("POST", "/reward-rules", body().put("kind", "PERCENTAGE").put("percent", 5)
                        .put("minimum", new java.math.BigDecimal("1e400")), json, List.of("/minimum")),
                new Bad("PUT", "/disclosure/logo", "GIF89a not really".getBytes(StandardCharsets.UTF_8), "image/png", List.of("")),
                new Bad("POST", "/reward-rules", body().put("kind", "PERCENTAGE").put("percent", 0), json, List.of("/percent")),
                new Bad("POST", "/reward-rules", body().put("kind", "PERCENTAGE").put("percent", 5).put("minimum", 500)
                        .put("cap", 100), json, List.of("/cap")),
                new Bad("POST", "/reward-rules", body().put("kind", "FIXED").put("amount", 300).put("currency", "ZZZ"), json,
                        List.of("/currency")),
                new Bad("POST", "/reward-rules", body().put("kind", "FIXED").put("amount", 300).put("percent", 5), json,
                        List.of("/percent")),
                new Bad("POST", "/reward-rules", body().put("kind", "FIXED").put("amount", new java.math.BigDecimal("0.001")),
                        json, List.of("/amount")),
                new Bad("POST", "/reward-rules", body().put("kind", "FIXED").put("amount", 300).put("category", "nope"), json,
                        List.of("/category")),
                new Bad("POST", "/reward-rules", body().put("kind", "LOTTERY").put("claimWindowDays", 0), json,
                        List.of("/kind", "/claimWindowDays")),
                new Bad("PUT", "/channels/web", channel("WEB", null, null).put("colour", "red"), json, List.of("/colour")),
                new Bad("PUT", "/channels/web", "{\"nameZh\": ", json, List.of("")));
        for (Bad b : bad) {
            Api.Response response = api().send(b.method(), config() + b.path(), b.body(), b.contentType(), asAdmin());
            assertThat(response.status()).as(b.method() + " " + b.path() + " " + b.body() + ": " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").findValuesAsText("pointer")).as(b.path() + " " + b.body())
                    .containsExactlyInAnyOrderElementsOf(b.pointers());
        }
        assertThat(everything()).isEqualTo(before);
        assertThat(Fixtures.rows("audit_events", desk.tenant().id())).isEqualTo(audited);
    }

    /** Thirteen month-long events: more days than a year has. */
    private static String tooManyDays() {
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
        for (int i = 0; i < 13; i++) {
            ics.append("BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260101\r\nDTEND;VALUE=DATE:20260201\r\nSUMMARY:假\r\n"
                    + "END:VEVENT\r\n");
        }
        return ics.append("END:VCALENDAR\r\n").toString();
    }

    private static ObjectNode disclosure(int k) {
        ObjectNode d = body().put("smallCellThreshold", k).put("displayNameZh", "市场监管投诉举报中心");
        d.putArray("publicStatistics").add("RECEIVED").add("CLOSED");
        d.putArray("reportPeriods").add("MONTHLY");
        return d;
    }

    /** Every part of the configuration a change could touch, as one text to compare. */
    private static String everything() {
        return ok(api().get(config(), asAdmin())) + "\n" + ok(api().get(config() + "/calendar", asAdmin()))
                + "\n" + ok(api().get(config() + "/deadline-policies?history=true", asAdmin()))
                + "\n" + ok(api().get(config() + "/calendar/years/2026", asAdmin()))
                + "\n" + ok(api().get(config() + "/disclosure", asAdmin()))
                + "\n" + ok(api().get(config() + "/reward-rules?history=true", asAdmin()));
    }

    @Test
    void onlyATenantAdminOfThisTenantChangesItsConfigurationAndStaffMayReadIt() {
        CaseHandlingIT.Desk other = CaseHandlingIT.desk("INTERNET_CONTENT");
        String before = everything();
        ObjectNode web = channel("WEB", null, null);
        for (String token : List.of(desk.handler(), desk.supervisor(), other.tenant().adminToken())) {
            Api.Call call = new Api.Call().bearer(token);
            assertThat(api().putJson(config() + "/channels/web", web, call).status()).isEqualTo(403);
            assertThat(api().postJson(config() + "/deadline-policies", policy("DECIDE", 3, "HOURS"), call).status()).isEqualTo(403);
            assertThat(api().delete(config() + "/calendar/years/2026", call).status()).isEqualTo(403);
            assertThat(api().putJson(config() + "/disclosure", disclosure(10), call).status()).isEqualTo(403);
        }
        assertThat(api().putJson(config() + "/channels/web", web, Api.Call.anonymous()).status()).isEqualTo(401);
        assertThat(api().get(config(), new Api.Call().bearer(other.tenant().adminToken())).status()).isEqualTo(403);
        assertThat(api().get(config(), new Api.Call().bearer(desk.handler())).status()).isEqualTo(200);
        assertThat(api().get(config() + "/calendar", new Api.Call().bearer(desk.supervisor())).status()).isEqualTo(200);
        assertThat(everything()).isEqualTo(before);
    }

    @Test
    void aChangedPolicyAppliesToClocksThatStartAfterItAndNeverRewritesRunningOnes() {
        CaseHandlingIT.Submitted existing = desk.submit();
        assertThat(ackPeriod(desk.detail(existing.id()))).isEqualTo("7 WORKING_DAYS");

        JsonNode adopted = ok(api().postJson(config() + "/deadline-policies", policy("ACKNOWLEDGE", 3, "WORKING_DAYS"), asAdmin()));
        assertThat(adopted.get("supersedes").isNull()).isFalse();
        ok(api().putJson(config() + "/categories/recall", category(null), asAdmin()));
        ok(api().postJson(config() + "/deadline-policies", policy("ACKNOWLEDGE", 1, "WORKING_DAYS").put("category", "recall"),
                asAdmin()));

        assertThat(ackPeriod(desk.detail(existing.id()))).as("a running clock keeps its deadline").isEqualTo("7 WORKING_DAYS");
        assertThat(ackPeriod(desk.detail(desk.submit().id()))).isEqualTo("3 WORKING_DAYS");
        String recall = submitted(desk.tenant(), report("web", "recall")).get("reference").asText();
        JsonNode found = api().get(desk.cases() + "?q=" + recall, new Api.Call().bearer(desk.handler())).json();
        assertThat(ackPeriod(desk.detail(found.get("items").get(0).get("id").asText()))).isEqualTo("1 WORKING_DAYS");

        JsonNode history = ok(api().get(config() + "/deadline-policies?history=true", asAdmin()));
        JsonNode retired = null;
        for (JsonNode p : history) {
            if (p.get("id").asText().equals(adopted.get("supersedes").asText())) {
                retired = p;
            }
        }
        assertThat(retired).isNotNull();
        assertThat(retired.get("amount").asInt()).isEqualTo(7);
        assertThat(retired.hasNonNull("retiredAt")).isTrue();
        assertThat(ok(api().get(config() + "/deadline-policies", asAdmin())).findValuesAsText("id"))
                .contains(adopted.get("id").asText()).doesNotContain(retired.get("id").asText());
        assertThat(Fixtures.auditReasons(desk.tenant(), "CONFIG_POLICY_ADOPTED")).hasSize(2);
    }

    private static String ackPeriod(JsonNode detail) {
        for (JsonNode d : detail.get("deadlines")) {
            if (d.get("stage").asText().equals("ACKNOWLEDGE")) {
                return d.get("period").asText();
            }
        }
        throw new AssertionError("no ACKNOWLEDGE deadline in " + detail.get("deadlines"));
    }

    @Test
    void theShipped2026CalendarRoundTripsThroughIcsAndCsv() {
        JsonNode shipped = ok(api().get(config() + "/calendar/years/2026", asAdmin())).get("days");
        assertThat(shipped.size()).isGreaterThan(30);
        for (String format : List.of("ics", "csv")) {
            Api.Response file = api().get(config() + "/calendar/years/2026." + format, asAdmin());
            assertThat(file.status()).isEqualTo(200);
            String type = format.equals("ics") ? "text/calendar" : "text/csv";
            assertThat(file.contentType()).startsWith(type);
            assertThat(file.header("Content-Disposition")).contains("calendar-2026." + format);

            assertThat(api().delete(config() + "/calendar/years/2026", asAdmin()).status()).isEqualTo(204);
            assertThat(api().get(config() + "/calendar/years/2026", asAdmin()).status()).isEqualTo(404);
            assertThat(ok(api().get(config() + "/calendar", asAdmin())).get("warnings").toString()).contains("2026");

            JsonNode year = ok(api().send("PUT", config() + "/calendar/years/2026?source=round-trip", file.bytes(), type, asAdmin()));
            assertThat(year.get("source").asText()).isEqualTo("round-trip");
            assertThat(ok(api().get(config() + "/calendar/years/2026", asAdmin())).get("days")).as(format).isEqualTo(shipped);
        }
    }

    @Test
    void aStaleVersionIsRefusedWithConflictAndAFreshOneSaves() {
        ObjectNode hotline = channel("HOTLINE", "12315", "工作日 9:00-17:00");
        JsonNode created = ok(api().putJson(config() + "/channels/hotline-9", hotline, asAdmin()));
        long version = created.get("version").asLong();
        Api.Response saved = api().putJson(config() + "/channels/hotline-9", hotline.put("hours", "每天 8:00-20:00"),
                asAdmin().header("If-Match", "\"" + version + "\""));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.header("ETag")).isEqualTo("\"" + (version + 1) + "\"");
        Api.Response stale = api().putJson(config() + "/channels/hotline-9", hotline.put("hours", "周末"),
                asAdmin().header("If-Match", "\"" + version + "\""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asText()).isEqualTo("CONCURRENT_UPDATE");
        Api.Response garbled = api().putJson(config() + "/channels/hotline-9", hotline, asAdmin().header("If-Match", "v1"));
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().get("errors").findValuesAsText("pointer")).containsExactly("If-Match");

        JsonNode current = ok(api().get(config(), asAdmin()));
        List<String> hours = new java.util.ArrayList<>();
        for (JsonNode c : current.get("channels")) {
            if (c.get("code").asText().equals("hotline-9")) {
                hours.add(c.get("hours").asText());
            }
        }
        assertThat(hours).containsExactly("每天 8:00-20:00");
    }

    @Test
    void thePublicConfigurationShowsOnlyWhatIsPublicAndRevalidatesByETag() {
        CaseHandlingIT.Desk own = CaseHandlingIT.Desk.of("INTERNET_CONTENT");
        String path = "/api/v1/tenants/" + own.tenant().slug() + "/public-configuration";
        String ownConfig = "/api/v1/tenants/" + own.tenant().slug() + "/configuration";
        Api.Call ownAdmin = new Api.Call().bearer(own.tenant().adminToken());
        Api.Response first = api().get(path, Api.Call.anonymous());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Cache-Control")).contains("max-age=60");
        String tag = first.header("ETag");
        assertThat(tag).isNotBlank();
        assertThat(api().get(path, Api.Call.anonymous().header("If-None-Match", tag)).status()).isEqualTo(304);
        JsonNode shown = first.json();
        assertThat(shown.get("channels").findValuesAsText("code")).contains("web");
        assertThat(shown.get("categories").findValuesAsText("code")).contains("gambling");
        assertThat(shown.get("deadlines").findValuesAsText("stage")).contains("DECIDE");
        assertThat(shown.get("rewards")).as("no reward rule yet").isEmpty();
        assertThat(shown.toString()).doesNotContain("admin@", "handler@", "organizationId", "createdBy");

        Api.Response before = submit(own.tenant(), report("web", "gambling"), Api.Call.anonymous());
        assertThat(before.status()).isEqualTo(201);
        JsonNode gambling = null;
        for (JsonNode c : ok(api().get(ownConfig, ownAdmin)).get("categories")) {
            if (c.get("code").asText().equals("gambling")) {
                gambling = c;
            }
        }
        ObjectNode retire = body().put("nameZh", gambling.get("nameZh").asText()).put("nameEn", gambling.get("nameEn").asText())
                .put("parent", gambling.hasNonNull("parent") ? gambling.get("parent").asText() : null).put("active", false);
        ok(api().putJson(ownConfig + "/categories/gambling", retire, ownAdmin));
        ok(api().postJson(ownConfig + "/deadline-policies", policy("DECIDE", 20, "WORKING_DAYS").put("published", false), ownAdmin));
        ok(api().postJson(ownConfig + "/reward-rules", body().put("kind", "FIXED").put("amount", 500), ownAdmin));

        Api.Response changed = api().get(path, Api.Call.anonymous().header("If-None-Match", tag));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(tag);
        assertThat(changed.json().get("categories").findValuesAsText("code")).doesNotContain("gambling");
        assertThat(changed.json().get("deadlines").findValuesAsText("stage")).doesNotContain("DECIDE");
        assertThat(changed.json().get("rewards")).hasSize(1);
        assertThat(changed.json().get("rewards").get(0).get("amount").decimalValue()).isEqualByComparingTo("500");
        assertThat(submit(own.tenant(), report("web", "gambling"), Api.Call.anonymous()).status())
                .as("a retired category takes no new reports").isEqualTo(400);
        assertThat(api().get(own.cases() + "?category=gambling", new Api.Call().bearer(own.handler())).json()
                .get("items")).as("a retired category keeps its cases").hasSize(1);
        assertThat(api().get("/api/v1/tenants/no-such-tenant/public-configuration", Api.Call.anonymous()).status())
                .isEqualTo(404);
    }

    @Test
    void disclosureSettingsAndTheLogoAreSavedAndTheLogoIsServedPublicly() {
        CaseHandlingIT.Desk own = CaseHandlingIT.Desk.of("EU_WHISTLEBLOWING");
        String ownConfig = "/api/v1/tenants/" + own.tenant().slug() + "/configuration";
        Api.Call ownAdmin = new Api.Call().bearer(own.tenant().adminToken());
        JsonNode defaults = ok(api().get(ownConfig + "/disclosure", ownAdmin));
        assertThat(defaults.get("smallCellThreshold").asInt()).isEqualTo(10);
        assertThat(defaults.get("reportPeriods").toString()).contains("MONTHLY", "YEARLY");

        JsonNode saved = ok(api().putJson(ownConfig + "/disclosure", disclosure(7), ownAdmin));
        assertThat(saved.get("smallCellThreshold").asInt()).isEqualTo(7);
        assertThat(saved.get("publicStatistics").toString()).isEqualTo("[\"RECEIVED\",\"CLOSED\"]");

        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        JsonNode withLogo = ok(api().send("PUT", ownConfig + "/disclosure/logo", png, "image/png", ownAdmin));
        assertThat(withLogo.get("hasLogo").asBoolean()).isTrue();
        Api.Response logo = api().get("/api/v1/tenants/" + own.tenant().slug() + "/public-configuration/logo",
                Api.Call.anonymous());
        assertThat(logo.status()).isEqualTo(200);
        assertThat(logo.contentType()).startsWith("image/png");
        assertThat(logo.bytes()).isEqualTo(png);
        assertThat(api().send("PUT", ownConfig + "/disclosure/logo", new byte[300 * 1024], "image/png", ownAdmin).status())
                .isEqualTo(400);
        assertThat(ok(api().delete(ownConfig + "/disclosure/logo", ownAdmin)).get("hasLogo").asBoolean()).isFalse();
        assertThat(api().get("/api/v1/tenants/" + own.tenant().slug() + "/public-configuration/logo", Api.Call.anonymous())
                .status()).isEqualTo(404);
        assertThat(Fixtures.auditReasons(own.tenant(), "CONFIG_DISCLOSURE_SAVED")).hasSize(1);
    }

    @Test
    void aChangedWorkingWeekTakesEffectAtOnce() {
        CaseHandlingIT.Desk own = CaseHandlingIT.Desk.of("CONSUMER_COMPLAINTS");
        String ownConfig = "/api/v1/tenants/" + own.tenant().slug() + "/configuration";
        Api.Call ownAdmin = new Api.Call().bearer(own.tenant().adminToken());
        ObjectNode week = body().put("timeZone", "Europe/Berlin");
        week.putArray("restDays").add("SUNDAY");
        JsonNode calendar = ok(api().putJson(ownConfig + "/calendar", week, ownAdmin));
        assertThat(calendar.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(calendar.get("restDays").toString()).isEqualTo("[\"SUNDAY\"]");
        assertThat(ok(api().get(ownConfig, ownAdmin)).get("restDays").toString()).isEqualTo("[\"SUNDAY\"]");
        assertThat(Fixtures.auditReasons(own.tenant(), "CONFIG_WORKING_WEEK_SAVED")).hasSize(1);
    }
}
