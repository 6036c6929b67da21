package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qinglang.platform.cases.application.Referrals;
import io.qinglang.platform.retention.application.RetentionPurge;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static io.qinglang.infra.it.CaseHandlingIT.decision;
import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.platform;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive rule (issue 17, item 1): an ended case past its body's retention loses its personal data and keeps its
 * record, the statistics do not change by a byte, each purge is an audit event with its counts and the admins are
 * told; a supervisor's legal hold keeps a case whole; two nodes purging at once erase each case once; tenant admins
 * set the retention, never below two years.
 */
class RetentionIT {

    private static final int PAST = 25; // months: past the two years a body keeps ended cases at the least

    private static CaseHandlingIT.Desk desk;

    /** A submitted report with what its reporter holds. */
    record Held(String id, String reference, String receipt, String secret) {
    }

    @BeforeAll
    static void bodyWithRewards() {
        desk = CaseHandlingIT.Desk.of("CONSUMER_COMPLAINTS");
        Api.Response fixed = api().postJson("/api/v1/tenants/" + desk.tenant().slug() + "/configuration/reward-rules",
                body().put("kind", "FIXED").put("amount", 300).put("currency", "CNY").put("claimWindowDays", 30),
                new Api.Call().bearer(desk.tenant().adminToken()));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(201);
    }

    static RetentionPurge purge() {
        return CDI.current().select(RetentionPurge.class).get();
    }

    @Test
    void anEndedCasePastItsRetentionLosesItsPersonalDataAndKeepsItsRecordAndTheStatistics() throws Exception {
        Held full = everything();
        Held refused = submitted();
        desk.step(refused.id(), "reject", body().put("reason", "不属于本机构受理范围 / not ours to handle"));
        Held recent = closed(submitted());
        Held open = submitted();
        desk.step(open.id(), "accept", body());
        for (Held c : List.of(full, refused, open)) {
            backdate(c.id(), PAST);
        }
        recount();
        Map<String, String> published = published();
        List<String> cells = cells();
        List<String> evidence = column("select id::text from evidence where tenant_id = ?::uuid and case_id = ?::uuid",
                full.id());
        assertThat(evidence).as("the report's file and the one added later").hasSize(2);
        Map<String, String> record = record(full.id());
        int purgesBefore = Fixtures.auditDetails(desk.tenant(), "CASES_PURGED").size();
        long toldBefore = Fixtures.rows("notifications", desk.tenant().id(), "kind = 'CASES_PURGED'");

        purge().run(Instant.now());

        for (Held gone : List.of(full, refused)) {
            assertThat(one("select purged_at is not null from cases where tenant_id = ?::uuid and id = ?::uuid", gone.id()))
                    .isEqualTo("t");
        }
        assertThat(one("select concat_ws('|', sealed_identity is null, sealed_contact is null, description, subject_value,"
                + " identity_share_consent) from cases where tenant_id = ?::uuid and id = ?::uuid", full.id()))
                .isEqualTo("t|t|||f");
        assertThat(Fixtures.rows("evidence", desk.tenant().id(), "case_id = '" + full.id() + "'")).isZero();
        assertThat(Fixtures.rows("evidence_content", desk.tenant().id(), "evidence_id in ('" + String.join("','", evidence)
                + "')")).as("the files' bytes are deleted, not flagged").isZero();
        assertThat(column("select message from case_events where tenant_id = ?::uuid and case_id = ?::uuid"
                + " and message is not null and type not in ('ASSIGNED', 'DEADLINE_ALERT')", full.id()))
                .as("reporter's message, party statement, note and feedback are gone").isEmpty();
        assertThat(one("select string_agg(reasons, '') from decisions where tenant_id = ?::uuid and case_id = ?::uuid",
                full.id())).isEmpty();
        assertThat(one("select concat_ws('|', sealed_payment is null, decision_reason is null, status, amount)"
                + " from rewards where tenant_id = ?::uuid and case_id = ?::uuid", full.id())).isEqualTo("t|t|PAID|30000");
        assertThat(one("select disposition_reason is null from cases where tenant_id = ?::uuid and id = ?::uuid",
                refused.id())).isEqualTo("t");
        assertThat(record(full.id())).as("the case's record stays").isEqualTo(record);
        assertThat(column("select type from case_events where tenant_id = ?::uuid and case_id = ?::uuid order by occurred_at",
                full.id())).contains("RECEIVED", "INFORMATION_ADDED", "PARTY_STATEMENT", "DECIDED", "CLOSED",
                "PERSONAL_DATA_PURGED");

        for (Held kept : List.of(recent, open)) {
            assertThat(one("select concat_ws('|', purged_at is null, description <> '') from cases"
                    + " where tenant_id = ?::uuid and id = ?::uuid", kept.id())).as(kept.reference()).isEqualTo("t|t");
        }
        assertThat(published()).as("every published period, JSON and CSV, byte for byte").isEqualTo(published);
        assertThat(cells()).isEqualTo(cells);
        recount();
        assertThat(cells()).as("a recount from the cases' records finds the same counts").isEqualTo(cells);

        List<String> all = Fixtures.auditDetails(desk.tenant(), "CASES_PURGED");
        List<String> purges = all.subList(purgesBefore, all.size());
        assertThat(purges).as("one batch, one audit event").hasSize(1);
        JsonNode counts = Api.JSON.readTree(purges.getFirst());
        assertThat(counts.get("cases").asInt()).isEqualTo(2);
        assertThat(counts.get("identities").asInt()).isEqualTo(1);
        assertThat(counts.get("contacts").asInt()).isEqualTo(1);
        assertThat(counts.get("evidenceFiles").asInt()).isEqualTo(2);
        assertThat(counts.get("evidenceBytes").asLong()).isEqualTo(Fixtures.png().length + Fixtures.pdf().length);
        assertThat(counts.get("paymentDetails").asInt()).isEqualTo(1);
        assertThat(counts.get("texts").asInt()).isGreaterThanOrEqualTo(8);
        assertThat(counts.get("references").toString()).contains(full.reference(), refused.reference());
        assertThat(purges.getFirst()).doesNotContain("张三丰", "zhang@example.org");
        assertThat(Fixtures.rows("notifications", desk.tenant().id(), "kind = 'CASES_PURGED' and audience = 'TENANT_ADMINS'"))
                .as("the admins are told").isEqualTo(toldBefore + 1);

        JsonNode staffView = desk.detail(full.id());
        assertThat(staffView.get("handling").hasNonNull("purgedAt")).isTrue();
        assertThat(staffView.get("reporterIdentityOnFile").asBoolean()).isFalse();
        assertThat(staffView.get("summary").get("status").asText()).isEqualTo("CLOSED");
        JsonNode tracked = desk.track(full.receipt());
        assertThat(tracked.get("timeline").findValuesAsText("type")).contains("PERSONAL_DATA_PURGED");
        assertThat(tracked.toString()).doesNotContain("补充一张截图");

        long marks = Fixtures.rows("case_events", desk.tenant().id(), "type = 'PERSONAL_DATA_PURGED'");
        purge().run(Instant.now());
        assertThat(Fixtures.rows("case_events", desk.tenant().id(), "type = 'PERSONAL_DATA_PURGED'"))
                .as("nothing is purged twice").isEqualTo(marks);
        assertThat(Fixtures.auditDetails(desk.tenant(), "CASES_PURGED")).hasSize(purgesBefore + 1);
        Api.Response hold = desk.act(desk.supervisor(), full.id(), "legal-hold", desk.detail(full.id()).get("version").asLong(),
                body().put("reason", "法院调取案卷 / records requested by a court"));
        assertThat(hold.status()).isEqualTo(409);
        assertThat(hold.json().get("code").asText()).isEqualTo("CASE_PURGED");
        assertChainVerifies();
    }

    @Test
    void aSupervisorsLegalHoldKeepsACaseWholeUntilReleased() throws Exception {
        Held held = closed(submitted());
        String reason = "法院调取案卷 / records requested by a court";
        long version = desk.detail(held.id()).get("version").asLong();

        Api.Response byHandler = desk.act(desk.handler(), held.id(), "legal-hold", version, body().put("reason", reason));
        assertThat(byHandler.status()).isEqualTo(403);
        for (ObjectNode bad : List.of(body(), body().put("reason", "因为"), body().put("reason", "x".repeat(1001)))) {
            Api.Response refused = desk.act(desk.supervisor(), held.id(), "legal-hold", version, bad);
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").findValuesAsText("pointer")).containsExactly("/reason");
        }
        Api.Response stale = desk.act(desk.supervisor(), held.id(), "legal-hold", version - 1, body().put("reason", reason));
        assertThat(stale.status()).isEqualTo(409);
        CaseHandlingIT.Desk other = CaseHandlingIT.desk("INTERNET_CONTENT");
        Api.Response elsewhere = api().postJson("/api/v1/tenants/" + other.tenant().slug() + "/cases/" + held.id()
                + "/legal-hold", body().put("reason", reason), new Api.Call().bearer(other.supervisor())
                .header("If-Match", "\"" + version + "\""));
        assertThat(elsewhere.status()).as("another body's supervisor: " + elsewhere.body()).isEqualTo(404);
        Api.Response crossed = api().postJson(desk.cases() + "/" + held.id() + "/legal-hold", body().put("reason", reason),
                new Api.Call().bearer(other.supervisor()).header("If-Match", "\"" + version + "\""));
        assertThat(crossed.status()).as("at this body with another body's token").isIn(403, 404);
        assertThat(Fixtures.auditReasons(desk.tenant(), "LEGAL_HOLD_PLACED")).doesNotContain(reason);

        JsonNode placed = desk.step(desk.supervisor(), held.id(), "legal-hold", body().put("reason", reason));
        assertThat(placed.get("handling").get("legalHold").get("reason").asText()).isEqualTo(reason);
        assertThat(placed.get("handling").get("legalHold").get("by").asText()).isNotBlank();
        Api.Response twice = desk.act(desk.supervisor(), held.id(), "legal-hold", placed.get("version").asLong(),
                body().put("reason", reason));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("ALREADY_ON_LEGAL_HOLD");
        assertThat(Fixtures.auditReasons(desk.tenant(), "LEGAL_HOLD_PLACED")).contains(reason);

        backdate(held.id(), PAST);
        purge().run(Instant.now());
        assertThat(one("select concat_ws('|', purged_at is null, description <> '', subject_value <> '')"
                + " from cases where tenant_id = ?::uuid and id = ?::uuid", held.id())).as("held, so kept whole")
                .isEqualTo("t|t|t");
        assertThat(Fixtures.rows("case_events", desk.tenant().id(), "case_id = '" + held.id() + "' and message is not null"
                + " and type = 'DECIDED'")).isEqualTo(Fixtures.rows("case_events", desk.tenant().id(), "case_id = '"
                + held.id() + "' and type = 'DECIDED'"));
        assertThat(retention(desk.tenant().adminToken()).json().get("outlook").get("onLegalHold").asInt()).isEqualTo(1);

        Api.Response unheld = desk.act(desk.supervisor(), held.id(), "legal-hold/release",
                desk.detail(held.id()).get("version").asLong(), body().put("reason", "判决已生效 / the judgment is final"));
        assertThat(unheld.status()).as(unheld.body()).isEqualTo(200);
        assertThat(unheld.json().get("handling").hasNonNull("legalHold")).isFalse();
        Api.Response notHeld = desk.act(desk.supervisor(), held.id(), "legal-hold/release", unheld.json().get("version")
                .asLong(), body().put("reason", "判决已生效 / the judgment is final"));
        assertThat(notHeld.status()).isEqualTo(409);
        assertThat(notHeld.json().get("code").asText()).isEqualTo("NOT_ON_LEGAL_HOLD");
        assertThat(retention(desk.tenant().adminToken()).json().get("outlook").get("dueNow").asInt()).isGreaterThanOrEqualTo(1);
        purge().run(Instant.now());
        assertThat(one("select purged_at is not null from cases where tenant_id = ?::uuid and id = ?::uuid", held.id()))
                .isEqualTo("t");
    }

    @Test
    void aCaseSomethingStillNeedsIsKeptPastItsRetention() throws Exception {
        // a reward proposed but not yet answered: the reporter may still need to be paid
        Held rewarded = submitted();
        desk.step(rewarded.id(), "accept", body());
        desk.step(rewarded.id(), "assign", body().put("department", "complaints"));
        desk.step(rewarded.id(), "decide", decision("SUBSTANTIATED", "经查，投诉属实。"));
        assertThat(api().postJson(desk.cases() + "/" + rewarded.id() + "/rewards", body(),
                new Api.Call().bearer(desk.handler())).status()).isEqualTo(201);
        if (!desk.detail(rewarded.id()).get("handling").hasNonNull("feedbackAt")) {
            desk.step(rewarded.id(), "feedback", body().put("message", "处理结果已出"));
        }
        desk.step(rewarded.id(), "close", body());
        // a merged duplicate whose lead case is still being handled
        Held lead = submitted();
        desk.step(lead.id(), "accept", body());
        Held duplicate = submitted();
        desk.step(duplicate.id(), "merge", body().put("leadCaseId", lead.id()).put("reason", "同一商家同一问题"));
        for (Held c : List.of(rewarded, duplicate)) {
            backdate(c.id(), PAST);
        }
        purge().run(Instant.now());
        for (Held kept : List.of(rewarded, duplicate)) {
            assertThat(one("select concat_ws('|', status, purged_at is null, description <> '') from cases"
                    + " where tenant_id = ?::uuid and id = ?::uuid", kept.id())).as(kept.reference()).endsWith("|t|t");
        }
        // once the lead has ended long ago too, the duplicate goes with it
        desk.step(lead.id(), "assign", body().put("department", "complaints"));
        CaseHandlingIT.decideAndClose(desk, desk.handler(), lead.id(), decision("UNSUBSTANTIATED", "经查，投诉不属实。"));
        backdate(lead.id(), PAST);
        purge().run(Instant.now());
        for (Held gone : List.of(lead, duplicate)) {
            assertThat(one("select purged_at is not null from cases where tenant_id = ?::uuid and id = ?::uuid", gone.id()))
                    .as(gone.reference()).isEqualTo("t");
        }
        assertThat(one("select purged_at is null from cases where tenant_id = ?::uuid and id = ?::uuid", rewarded.id()))
                .as("the proposed reward still keeps its case").isEqualTo("t");
    }

    @Test
    void aCaseReferredToAnotherBodyIsKeptUntilTheReferralIsDelivered() throws Exception {
        CaseHandlingIT.Desk receiver = CaseHandlingIT.Desk.of("CONSUMER_COMPLAINTS");
        Held referred = submitted();
        desk.step(referred.id(), "transfer", body().put("toTenant", receiver.tenant().slug())
                .put("toCategory", receiver.category()).put("reason", "属于其他部门职责，移送处理"));
        // its delivery failed half-way (the receiving body's case made, the sender not told): the job finishes it later
        try (Connection c = platform().ownerConnection();
             PreparedStatement undelivered = c.prepareStatement("update cases set referral_delivered_at = null,"
                     + " referred_case_id = null"
                     + " where tenant_id = ?::uuid and id = ?::uuid")) {
            undelivered.setString(1, desk.tenant().id());
            undelivered.setString(2, referred.id());
            assertThat(undelivered.executeUpdate()).isEqualTo(1);
        }
        backdate(referred.id(), PAST);
        purge().run(Instant.now());
        assertThat(one("select concat_ws('|', status, purged_at is null, description <> '') from cases"
                + " where tenant_id = ?::uuid and id = ?::uuid", referred.id())).as("kept: the referral still needs it")
                .isEqualTo("TRANSFERRED|t|t");

        assertThat(CDI.current().select(Referrals.class).get().deliverPending()).isGreaterThanOrEqualTo(1);
        assertThat(Fixtures.rows("cases", receiver.tenant().id())).as("delivered once").isEqualTo(1);
        backdate(referred.id(), PAST); // the delivery, too, long ago
        purge().run(Instant.now());
        assertThat(one("select purged_at is not null from cases where tenant_id = ?::uuid and id = ?::uuid",
                referred.id())).as("once delivered, it goes").isEqualTo("t");
    }

    @Test
    void twoNodesPurgingAtOnceEraseEachCaseOnce() throws Exception {
        CaseHandlingIT.Desk twins = CaseHandlingIT.Desk.of("INTERNET_CONTENT");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CaseHandlingIT.Submitted c = twins.submit();
            twins.step(c.id(), "reject", body().put("reason", "不属于本平台受理范围"));
            ids.add(c.id());
        }
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("update cases set updated_at = updated_at - interval '" + PAST
                     + " months' where tenant_id = ?::uuid")) {
            s.setString(1, twins.tenant().id());
            assertThat(s.executeUpdate()).isEqualTo(6);
        }
        List<Integer> purged = EscalationIT.twice(() -> purge().run(Instant.now()));
        assertThat(purged.stream().mapToInt(Integer::intValue).sum()).as("purged by both runners: " + purged)
                .isGreaterThanOrEqualTo(6);
        assertThat(Fixtures.rows("cases", twins.tenant().id(), "purged_at is not null")).isEqualTo(6);
        assertThat(Fixtures.rows("case_events", twins.tenant().id(), "type = 'PERSONAL_DATA_PURGED'")).isEqualTo(6);
        int audited = 0;
        for (String details : Fixtures.auditDetails(twins.tenant(), "CASES_PURGED")) {
            audited += Api.JSON.readTree(details).get("cases").asInt();
        }
        assertThat(audited).isEqualTo(6);
    }

    @Test
    void theAnswerToAnIdempotentRequestIsForgottenAfterSevenDays() throws Exception {
        CaseHandlingIT.Desk keyed = CaseHandlingIT.desk("EU_WHISTLEBLOWING");
        for (String key : List.of("retention-old-key", "retention-new-key")) {
            Api.Response sent = api().postJson("/api/v1/tenants/" + keyed.tenant().slug() + "/reports",
                    Fixtures.report("web", keyed.category()), new Api.Call().header("Idempotency-Key", key + desk.tenant().slug()));
            assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        }
        long kept = Fixtures.rows("idempotency_records", keyed.tenant().id());
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("update idempotency_records set created_at = now() - interval '8 days'"
                     + " where tenant_id = ?::uuid and created_at = (select max(created_at) from idempotency_records"
                     + " where tenant_id = ?::uuid)")) {
            s.setString(1, keyed.tenant().id());
            s.setString(2, keyed.tenant().id());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        purge().run(Instant.now());
        assertThat(Fixtures.rows("idempotency_records", keyed.tenant().id())).isEqualTo(kept - 1);
        assertThat(Fixtures.rows("idempotency_records", keyed.tenant().id(), "created_at < now() - interval '7 days'"))
                .isZero();
    }

    @Test
    void tenantAdminsSetTheRetentionNeverBelowTwoYears() {
        Api.Response shown = retention(desk.tenant().adminToken());
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().get("minimumMonths").asInt()).isEqualTo(24);
        assertThat(shown.json().get("templateMonths").asInt()).isEqualTo(24);
        String etag = shown.header("ETag");
        String path = "/api/v1/tenants/" + desk.tenant().slug() + "/configuration/retention";
        Api.Call admin = new Api.Call().bearer(desk.tenant().adminToken());

        for (Object months : new Object[]{23, 0, -5, 361, "two years", null, 24.5}) {
            ObjectNode bad = body();
            bad.putPOJO("months", months);
            Api.Response refused = api().putJson(path, bad, admin);
            assertThat(refused.status()).as(months + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsText("pointer")).as(String.valueOf(months))
                    .containsExactly("/months");
        }
        Api.Response byHandler = api().putJson(path, body().put("months", 36), new Api.Call().bearer(desk.handler()));
        assertThat(byHandler.status()).isEqualTo(403);
        CaseHandlingIT.Desk other = CaseHandlingIT.desk("INTERNET_CONTENT");
        assertThat(api().putJson(path, body().put("months", 36), new Api.Call().bearer(other.tenant().adminToken()))
                .status()).as("another body's admin").isEqualTo(403);
        assertThat(api().get(path, new Api.Call().bearer(other.tenant().adminToken())).status()).isEqualTo(403);
        assertThat(retention(desk.tenant().adminToken()).json().get("months").asInt()).isEqualTo(24);

        Api.Response changed = api().putJson(path, body().put("months", 36), new Api.Call().bearer(desk.tenant().adminToken())
                .header("If-Match", etag));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("months").asInt()).isEqualTo(36);
        Api.Response stale = api().putJson(path, body().put("months", 48), admin.header("If-Match", etag));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(Fixtures.auditDetails(desk.tenant(), "CONFIG_RETENTION_SAVED")).anyMatch(d -> d.contains("36"));

        CaseHandlingIT.Desk whistle = CaseHandlingIT.desk("EU_WHISTLEBLOWING");
        assertThat(retention(whistle.tenant().adminToken(), whistle.tenant().slug()).json().get("months").asInt())
                .as("an EU whistleblowing channel keeps cases five years").isEqualTo(60);
        Api.Response back = api().putJson(path, body().put("months", 24), new Api.Call().bearer(desk.tenant().adminToken()));
        assertThat(back.status()).isEqualTo(200);
    }

    // ---- helpers

    private static Api.Response retention(String token) {
        return retention(token, desk.tenant().slug());
    }

    private static Api.Response retention(String token, String slug) {
        return api().get("/api/v1/tenants/" + slug + "/configuration/retention", new Api.Call().bearer(token));
    }

    private static Held submitted() {
        return held(Fixtures.submitted(desk.tenant(), Fixtures.report("web", desk.category())));
    }

    private static Held held(JsonNode receipt) {
        String reference = receipt.get("reference").asText();
        JsonNode found = api().get(desk.cases() + "?q=" + reference, new Api.Call().bearer(desk.handler())).json();
        return new Held(found.get("items").get(0).get("id").asText(), reference, receipt.get("receiptCode").asText(),
                receipt.get("claimSecret").asText());
    }

    private static Held closed(Held c) {
        desk.step(c.id(), "accept", body());
        desk.step(c.id(), "assign", body().put("department", "complaints"));
        CaseHandlingIT.decideAndClose(desk, desk.handler(), c.id(), decision("SUBSTANTIATED", "经查，投诉属实。"));
        return c;
    }

    /**
     * A case with all a purge erases: a named reporter with a contact, a file with the report and one added later with
     * a message, a party's statement, a note, a decision's reasons, and a reward paid to the account the reporter gave.
     */
    private static Held everything() {
        ObjectNode named = Fixtures.report("web", desk.category()).put("anonymity", "CONFIDENTIAL");
        named.putObject("reporter").put("name", "张三丰").put("idNumber", "110101199003074477");
        named.putObject("contact").put("email", "zhang@example.org");
        Api.Response sent = api().postMultipart("/api/v1/tenants/" + desk.tenant().slug() + "/reports", "report", named,
                List.of(new Api.FilePart("evidence", "receipt.png", "image/png", Fixtures.png())), Api.Call.anonymous());
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        Held c = held(sent.json());
        Api.Response added = api().postMultipart("/api/v1/tenants/" + desk.tenant().slug() + "/tracking/information",
                "information", body().put("receiptCode", c.receipt()).put("message", "补充一张截图 / one more file"),
                List.of(new Api.FilePart("evidence", "contract.pdf", "application/pdf", Fixtures.pdf())),
                Api.Call.anonymous());
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        desk.step(c.id(), "accept", body());
        desk.step(c.id(), "assign", body().put("department", "complaints"));
        desk.step(c.id(), "party-statements", body().put("party", "某商家").put("statement", "商家承认产品有缺陷"));
        desk.step(c.id(), "notes", body().put("text", "与投诉人电话核实"));
        desk.step(c.id(), "decide", decision("SUBSTANTIATED", "经查，投诉属实，张三丰所述情况成立。"));
        String rewards = desk.cases() + "/" + c.id() + "/rewards";
        assertThat(api().postJson(rewards, body(), new Api.Call().bearer(desk.handler())).status()).isEqualTo(201);
        assertThat(api().postJson(rewards + "/answer", body().put("approve", true).put("reason", "投诉属实，核定奖励"),
                new Api.Call().bearer(desk.supervisor())).status()).isEqualTo(200);
        ObjectNode claim = body().put("receiptCode", c.receipt()).put("claimSecret", c.secret());
        claim.putObject("payment").put("method", "BANK_TRANSFER").put("account", "6222 0000 1111 2222")
                .put("accountName", "张三丰");
        Api.Response claimed = api().postJson("/api/v1/tenants/" + desk.tenant().slug() + "/tracking/reward-claim", claim,
                Api.Call.anonymous());
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
        assertThat(api().postJson(rewards + "/payment", body().put("reference", "BANK-TX-0042"),
                new Api.Call().bearer(desk.supervisor())).status()).isEqualTo(200);
        JsonNode detail = desk.detail(c.id());
        if (!detail.get("handling").hasNonNull("feedbackAt")) {
            desk.step(c.id(), "feedback", body().put("message", "处理结果：投诉属实 / Your complaint was substantiated."));
        }
        desk.step(c.id(), "close", body());
        return c;
    }

    /** Moves every time of a case {@code months} into the past, as if it had been handled then. */
    private static void backdate(String caseId, int months) throws SQLException {
        Map<String, List<String>> times = new LinkedHashMap<>();
        times.put("cases", List.of("received_at", "acknowledge_due_at", "waiting_since", "decided_at", "feedback_at",
                "closed_at", "updated_at"));
        times.put("case_events", List.of("occurred_at"));
        times.put("case_deadlines", List.of("started_at", "due_at", "paused_at", "completed_at", "next_alert_at"));
        times.put("decisions", List.of("decided_at"));
        times.put("rewards", List.of("proposed_at", "decided_at", "claim_until", "claimed_at", "paid_at"));
        String shift = " - interval '" + months + " months'";
        try (Connection db = platform().ownerConnection()) {
            for (Map.Entry<String, List<String>> table : times.entrySet()) {
                String set = String.join(", ", table.getValue().stream().map(c -> c + " = " + c + shift).toList());
                if (table.getKey().equals("case_deadlines")) {
                    set += ", due_date = (due_date" + shift + ")::date";
                }
                try (PreparedStatement s = db.prepareStatement("update " + table.getKey() + " set " + set
                        + " where tenant_id = ?::uuid and " + (table.getKey().equals("cases") ? "id" : "case_id") + " = ?::uuid")) {
                    s.setString(1, desk.tenant().id());
                    s.setString(2, caseId);
                    s.executeUpdate();
                }
            }
        }
    }

    private static void recount() throws SQLException {
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("select qinglang_statistics_recount(?::uuid)")) {
            s.setString(1, desk.tenant().id());
            s.execute();
        }
    }

    /** Every period the body publishes, as JSON and CSV. */
    private static Map<String, String> published() {
        String statistics = "/api/v1/tenants/" + desk.tenant().slug() + "/statistics";
        JsonNode periods = api().get(statistics, Api.Call.anonymous()).json();
        Map<String, String> all = new LinkedHashMap<>();
        for (String kind : List.of("months", "quarters", "years")) {
            for (JsonNode period : periods.get(kind)) {
                for (String suffix : List.of("", ".csv")) {
                    Api.Response answer = api().get(statistics + "/" + period.asText() + suffix, Api.Call.anonymous());
                    assertThat(answer.status()).as(period + suffix).isEqualTo(200);
                    all.put(period.asText() + suffix, answer.body());
                }
            }
        }
        assertThat(all).as("the backdated cases' months are published").hasSizeGreaterThan(2 * PAST);
        return all;
    }

    /** The body's statistics tables, row by row. */
    private static List<String> cells() throws SQLException {
        List<String> rows = column("select concat_ws('|', month, measure, category_code, channel_code, detail, count, total)"
                + " from statistics_cells where tenant_id = ?::uuid and ?::text is not null order by 1", "-");
        rows.addAll(column("select concat_ws('|', month, measure, hours, count) from statistics_durations"
                + " where tenant_id = ?::uuid and ?::text is not null order by 1", "-"));
        assertThat(rows).isNotEmpty();
        return rows;
    }

    /** What a purge keeps of a case: its record. */
    private static Map<String, String> record(String caseId) throws SQLException {
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("case", one("select concat_ws('|', reference, channel_code, category_code, status, outcome, received_at,"
                + " decided_at, closed_at, severity, assignee, decided_by) from cases where tenant_id = ?::uuid"
                + " and id = ?::uuid", caseId));
        kept.put("deadlines", String.join(";", column("select concat_ws('|', stage, started_at, due_at, completed_at)"
                + " from case_deadlines where tenant_id = ?::uuid and case_id = ?::uuid order by 1", caseId)));
        kept.put("decisions", String.join(";", column("select concat_ws('|', outcome, actions, legal_basis, decided_at)"
                + " from decisions where tenant_id = ?::uuid and case_id = ?::uuid", caseId)));
        return kept;
    }

    private static String one(String sql, String caseId) throws SQLException {
        List<String> values = column(sql, caseId);
        assertThat(values).as(sql).hasSize(1);
        return values.getFirst() == null ? "" : values.getFirst();
    }

    private static List<String> column(String sql, String caseId) throws SQLException {
        try (Connection db = platform().ownerConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, desk.tenant().id());
            s.setString(2, caseId);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    private static void assertChainVerifies() throws InterruptedException {
        long events = Fixtures.rows("audit_events", desk.tenant().id());
        Fixtures.sealAudit(desk.tenant());
        JsonNode verification = Poll.until("the audit chain holds every event", java.time.Duration.ofSeconds(20),
                () -> api().get("/api/v1/tenants/" + desk.tenant().slug() + "/audit/verification",
                        new Api.Call().bearer(desk.tenant().adminToken())).json(),
                v -> v.get("eventsVerified").asLong() >= events);
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
    }
}
