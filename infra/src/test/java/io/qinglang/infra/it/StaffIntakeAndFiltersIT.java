package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.platform;
import static io.qinglang.infra.it.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

/** Reports registered by staff (phone, letter, in person) and the handlers' list filters that need handled cases. */
class StaffIntakeAndFiltersIT {

    static CaseHandlingIT.Desk desk;

    @BeforeAll
    static void tenant() {
        desk = CaseHandlingIT.Desk.of("CONSUMER_COMPLAINTS");
    }

    static ObjectNode phoned(String receivedAt) {
        ObjectNode report = report("hotline", "price").put("description", "来电：某超市价格标签与结算价不符");
        report.putObject("subject").put("type", "ORGANISATION").put("value", "某超市（朝阳店）");
        if (receivedAt != null) {
            report.put("receivedAt", receivedAt);
        }
        return report;
    }

    static Api.Response register(String token, Object body) {
        return api().postJson(desk.cases(), body, new Api.Call().bearer(token));
    }

    @Test
    void aHandlerRegistersAPhoneReportAsItsFirstReceiverAndTheCallerTracksItWithTheReceipt() {
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Api.Response created = register(desk.handler(), phoned(yesterday.toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("caseId").asText();
        JsonNode receipt = created.json().get("receipt");
        assertThat(receipt.get("receiptCode").asText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        assertThat(receipt.get("claimSecret").asText()).isNotBlank();
        assertThat(created.header("Location")).endsWith("/cases/" + id);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");

        JsonNode detail = desk.detail(id);
        assertThat(detail.get("summary").get("channel").asText()).isEqualTo("hotline");
        assertThat(detail.get("summary").get("receivedAt").asText()).isEqualTo(yesterday.toString());
        assertThat(detail.get("handling").get("firstReceiver").asText()).isEqualTo("handler@" + desk.tenant().slug() + ".example");
        assertThat(CaseHandlingIT.types(detail)).containsExactly("RECEIVED", "REGISTERED_BY_STAFF");
        assertThat(CaseHandlingIT.deadline(detail, "ACCEPT", true).get("startedAt").asText()).isEqualTo(yesterday.toString());
        assertThat(Fixtures.auditReasons(desk.tenant(), "CASE_REGISTERED_BY_STAFF")).hasSize(1);

        JsonNode tracked = desk.track(receipt.get("receiptCode").asText());
        assertThat(tracked.get("reference").asText()).isEqualTo(receipt.get("reference").asText());
        assertThat(tracked.toString()).doesNotContain("handler@");
    }

    @Test
    void theHotlineIsForStaffOnlyAndBadRegistrationsAreNamedFieldByField() {
        Api.Response publicHotline = Fixtures.submit(desk.tenant(), report("hotline", "price"), Api.Call.anonymous());
        assertThat(publicHotline.status()).isEqualTo(400);
        assertThat(publicHotline.json().get("errors").findValuesAsText("pointer")).containsExactly("/channel");

        long before = Fixtures.rows("cases", desk.tenant().id());
        record Bad(ObjectNode body, List<String> pointers) {
        }
        ObjectNode noSubject = phoned(null);
        noSubject.remove("subject");
        List<Bad> bad = List.of(
                new Bad(phoned(Instant.now().plus(1, ChronoUnit.DAYS).toString()), List.of("/receivedAt")),
                new Bad(phoned(Instant.now().minus(60, ChronoUnit.DAYS).toString()), List.of("/receivedAt")),
                new Bad(phoned("last tuesday"), List.of("/receivedAt")),
                new Bad(phoned(null).put("channel", "carrier-pigeon"), List.of("/channel")),
                new Bad(phoned(null).put("anonymity", "SECRET").put("category", "CAPS"), List.of("/anonymity", "/category")),
                new Bad(noSubject, List.of("/subject")));
        for (Bad b : bad) {
            Api.Response response = register(desk.handler(), b.body());
            assertThat(response.status()).as(b.body() + ": " + response.body()).isEqualTo(400);
            assertThat(response.json().get("errors").findValuesAsText("pointer")).as(b.body().toString())
                    .containsExactlyInAnyOrderElementsOf(b.pointers());
        }
        assertThat(register(desk.tenant().adminToken(), phoned(null)).status()).isEqualTo(403);
        assertThat(api().postJson(desk.cases(), phoned(null), Api.Call.anonymous()).status()).isEqualTo(401);
        assertThat(Fixtures.rows("cases", desk.tenant().id())).isEqualTo(before);
    }

    @Test
    void handlersFilterBySeverityAssigneeDepartmentAndDeadlines() throws Exception {
        CaseHandlingIT.Submitted critical = desk.submit();
        desk.step(critical.id(), "flag", body().put("severity", "CRITICAL").put("urgent", true).put("reason", "批量投诉"));
        CaseHandlingIT.Submitted assigned = desk.submit();
        desk.step(assigned.id(), "accept", body());
        desk.tenant().staffToken("zhang", "handler");
        String zhang = "zhang@" + desk.tenant().slug() + ".example";
        desk.step(assigned.id(), "assign", body().put("department", "price-supervision").put("assignee", zhang));
        CaseHandlingIT.Submitted late = desk.submit();
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("update case_deadlines set due_at = now() - interval '1 hour' "
                     + "where case_id = ?::uuid and stage in ('ACKNOWLEDGE', 'ACCEPT')")) {
            s.setString(1, late.id());
            assertThat(s.executeUpdate()).isEqualTo(2);
        }

        assertThat(references("severity=CRITICAL")).containsExactly(critical.reference());
        assertThat(references("severity=CRITICAL&severity=SERIOUS&urgent=true")).containsExactly(critical.reference());
        assertThat(references("assignee=" + zhang)).containsExactly(assigned.reference());
        assertThat(references("department=price-supervision&status=IN_PROGRESS")).containsExactly(assigned.reference());
        assertThat(references("overdue=true")).contains(late.reference())
                .doesNotContain(critical.reference(), assigned.reference());
        // a new consumer complaint's triage stages run 7 working days: due within ~12 days, not within 1 hour;
        // the late case's are past due, so not "due within" any window
        assertThat(references("dueWithinHours=300")).contains(critical.reference()).doesNotContain(late.reference());
        assertThat(references("dueWithinHours=1")).doesNotContain(critical.reference(), late.reference());

        List<String> newestFirst = references("limit=100");
        List<String> oldestFirst = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = list("sort=receivedAt&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            oldestFirst.addAll(page.get("items").findValuesAsText("reference"));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        List<String> reversed = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(reversed);
        assertThat(oldestFirst).containsExactlyElementsOf(reversed);

        Api.Response bad = api().get(desk.cases() + "?severity=APOCALYPTIC&overdue=maybe&dueWithinHours=0&sort=size",
                new Api.Call().bearer(desk.handler()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/query/severity",
                "/query/overdue", "/query/dueWithinHours", "/query/sort");
        Api.Response both = api().get(desk.cases() + "?overdue=true&dueWithinHours=5", new Api.Call().bearer(desk.handler()));
        assertThat(both.json().get("errors").findValuesAsText("pointer")).containsExactly("/query/dueWithinHours");
    }

    private static JsonNode list(String query) {
        Api.Response response = api().get(desk.cases() + "?" + query, new Api.Call().bearer(desk.handler()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> references(String query) {
        return list(query + (query.contains("limit=") ? "" : "&limit=100")).get("items").findValuesAsText("reference");
    }
}
