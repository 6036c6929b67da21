package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.onboard;
import static io.qinglang.infra.it.Fixtures.platform;
import static io.qinglang.infra.it.Fixtures.report;
import static io.qinglang.infra.it.Fixtures.submitted;
import static org.assertj.core.api.Assertions.assertThat;

/** Cases walked through the lifecycle over HTTP, for each template, with their deadlines and the reporter's view. */
class CaseHandlingIT {

    /** A tenant of one template with a handler, a second handler and a supervisor signed in. */
    record Desk(Fixtures.TestTenant tenant, String category, String handler, String reviewer, String supervisor) {

        static Desk of(String template) {
            Fixtures.TestTenant tenant = onboard(template);
            String category = switch (template) {
                case "INTERNET_CONTENT" -> "gambling";
                case "CONSUMER_COMPLAINTS" -> "product-quality";
                default -> "fraud-corruption";
            };
            return new Desk(tenant, category, tenant.staffToken("handler"), tenant.staffToken("handler2", "handler"),
                    tenant.staffToken("supervisor"));
        }

        // a desk lives for the whole run, longer than an access token: each use asks for a young one

        @Override
        public String handler() {
            return tenant.tokenOf("handler");
        }

        @Override
        public String reviewer() {
            return tenant.tokenOf("handler2");
        }

        @Override
        public String supervisor() {
            return tenant.tokenOf("supervisor");
        }

        /** Submits a report; returns its case id and receipt code. */
        Submitted submit() {
            JsonNode receipt = submitted(tenant, report("web", category));
            String reference = receipt.get("reference").asText();
            JsonNode found = api().get(cases() + "?q=" + reference, new Api.Call().bearer(handler())).json();
            return new Submitted(found.get("items").get(0).get("id").asText(), reference,
                    receipt.get("receiptCode").asText());
        }

        String cases() {
            return "/api/v1/tenants/" + tenant.slug() + "/cases";
        }

        JsonNode detail(String id) {
            Api.Response response = api().get(cases() + "/" + id, new Api.Call().bearer(handler()));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.header("ETag")).isEqualTo("\"" + response.json().get("version").asLong() + "\"");
            return response.json();
        }

        Api.Response act(String token, String id, String action, long version, Object body) {
            return api().postJson(cases() + "/" + id + "/" + action, body,
                    new Api.Call().bearer(token).header("If-Match", "\"" + version + "\""));
        }

        /** Takes the step on the case's current version and expects it to succeed. */
        JsonNode step(String token, String id, String action, Object body) {
            Api.Response response = act(token, id, action, detail(id).get("version").asLong(), body);
            assertThat(response.status()).as(action + ": " + response.body()).isEqualTo(200);
            return response.json();
        }

        JsonNode step(String id, String action, Object body) {
            return step(handler(), id, action, body);
        }

        JsonNode track(String receipt) {
            Api.Response response = Fixtures.track(tenant, receipt, Api.Call.anonymous());
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            return response.json();
        }

        Api.Response tracking(String action, ObjectNode body) {
            return api().postJson("/api/v1/tenants/" + tenant.slug() + "/tracking/" + action, body,
                    Api.Call.anonymous());
        }
    }

    record Submitted(String id, String reference, String receipt) {
    }

    static final Map<String, Desk> DESKS = new java.util.concurrent.ConcurrentHashMap<>();

    static Desk desk(String template) {
        return DESKS.computeIfAbsent(template, Desk::of);
    }

    @BeforeAll
    static void desks() {
        for (String template : List.of("INTERNET_CONTENT", "CONSUMER_COMPLAINTS", "EU_WHISTLEBLOWING")) {
            desk(template);
        }
    }

    static ObjectNode body() {
        return Api.object();
    }

    static ObjectNode decision(String outcome, String reasons) {
        ObjectNode d = body().put("outcome", outcome).put("legalBasis", "《网络信息内容生态治理规定》第六条")
                .put("reasons", reasons);
        d.putArray("actions").add("CONTENT_REMOVED").add("WARNING_ISSUED");
        return d;
    }

    static List<String> types(JsonNode detail) {
        return detail.get("timeline").findValuesAsText("type");
    }

    static JsonNode deadline(JsonNode detail, String stage, boolean open) {
        for (JsonNode d : detail.get("deadlines")) {
            if (d.get("stage").asText().equals(stage) && !d.hasNonNull("completedAt") == open) {
                return d;
            }
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERNET_CONTENT", "CONSUMER_COMPLAINTS", "EU_WHISTLEBLOWING"})
    void aCaseGoesFromReceiptToClosureWithItsDeadlinesAndTheReporterSeesItsSide(String template) {
        Desk desk = desk(template);
        Submitted c = desk.submit();

        JsonNode received = desk.detail(c.id());
        assertThat(received.get("summary").get("status").asText()).isEqualTo("RECEIVED");
        switch (template) {
            case "INTERNET_CONTENT" -> assertThat(deadline(received, "ACKNOWLEDGE", false).get("metOnTime").asBoolean()).isTrue();
            case "CONSUMER_COMPLAINTS" -> {
                assertThat(deadline(received, "ACKNOWLEDGE", true).get("period").asText()).isEqualTo("7 WORKING_DAYS");
                assertThat(deadline(received, "ACCEPT", true)).isNotNull();
            }
            default -> assertThat(deadline(received, "ACKNOWLEDGE", true).get("period").asText()).isEqualTo("7 CALENDAR_DAYS");
        }

        JsonNode accepted = desk.step(c.id(), "accept", body().put("note", "属于受理范围"));
        assertThat(accepted.get("summary").get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(deadline(accepted, "ACKNOWLEDGE", true)).isNull();
        String running = template.equals("EU_WHISTLEBLOWING") ? "FEEDBACK" : "DECIDE";
        assertThat(deadline(accepted, running, true)).as(running + " starts on acceptance").isNotNull();

        JsonNode assigned = desk.step(c.id(), "assign", body().put("department", "network-security")
                .put("assignee", "handler@" + desk.tenant().slug() + ".example"));
        assertThat(assigned.get("summary").get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(assigned.get("handling").get("department").asText()).isEqualTo("network-security");

        JsonNode asked = desk.step(c.id(), "request-information", body().put("question", "请提供截图 / Please send a screenshot"));
        boolean pauses = !template.equals("INTERNET_CONTENT");
        assertThat(deadline(asked, running, true).get("paused").asBoolean()).isEqualTo(pauses);
        JsonNode tracked = desk.track(c.receipt());
        assertThat(tracked.get("waitingForYourAnswer").asBoolean()).isTrue();
        assertThat(tracked.get("timeline").findValuesAsText("message")).contains("请提供截图 / Please send a screenshot");

        Api.Response answered = desk.tracking("information", body().put("receiptCode", c.receipt()).put("message", "截图已补充"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("waitingForYourAnswer").asBoolean()).isFalse();
        JsonNode resumed = desk.detail(c.id());
        assertThat(deadline(resumed, running, true).get("paused").asBoolean()).isFalse();
        assertThat(deadline(resumed, running, true).get("dueAt").asText())
                .isEqualTo(deadline(asked, running, true).get("dueAt").asText());

        desk.step(c.id(), "party-statements", body().put("party", "被举报网站").put("statement", "已下架相关内容"));
        desk.step(c.id(), "notes", body().put("text", "核实完毕"));
        JsonNode decided = desk.step(c.id(), "decide", decision("SUBSTANTIATED", "经核实，举报属实，已删除相关信息。"));
        assertThat(decided.get("summary").get("status").asText()).isEqualTo("DECIDED");
        assertThat(decided.get("decisions").get(0).get("actions").toString()).contains("CONTENT_REMOVED", "WARNING_ISSUED");
        assertThat(decided.get("decisions").get(0).get("outcome").asText()).isEqualTo("SUBSTANTIATED");
        if (template.equals("INTERNET_CONTENT")) {
            // Feedback on decision: the statement of reasons is the feedback, and the appeal window opens.
            assertThat(decided.get("handling").hasNonNull("feedbackAt")).isTrue();
            assertThat(deadline(decided, "APPEAL_WINDOW", true)).isNotNull();
        } else {
            assertThat(deadline(decided, "FEEDBACK", true)).isNotNull();
            Api.Response early = desk.act(desk.handler(), c.id(), "close", decided.get("version").asLong(), body());
            assertThat(early.status()).isEqualTo(409);
            assertThat(early.json().get("code").asText()).isEqualTo("FEEDBACK_MISSING");
            desk.step(c.id(), "feedback", body().put("message", "处理结果：举报属实 / Your report was substantiated."));
        }
        JsonNode closed = desk.step(c.id(), "close", body());
        assertThat(closed.get("summary").get("status").asText()).isEqualTo("CLOSED");
        for (JsonNode d : closed.get("deadlines")) {
            if (!d.get("stage").asText().equals("APPEAL_WINDOW")) {
                assertThat(d.hasNonNull("completedAt")).as(d.toString()).isTrue();
                assertThat(d.get("metOnTime").asBoolean()).as(d.toString()).isTrue();
            }
        }

        JsonNode seen = desk.track(c.receipt());
        assertThat(seen.get("status").asText()).isEqualTo("CLOSED");
        assertThat(seen.get("decision").get("outcome").asText()).isEqualTo("SUBSTANTIATED");
        assertThat(seen.get("decision").get("reasons").asText()).isEqualTo("经核实，举报属实，已删除相关信息。");
        List<String> visible = new ArrayList<>(List.of("RECEIVED", "ACCEPTED", "INFORMATION_REQUESTED",
                "INFORMATION_ADDED", "DECIDED"));
        if (!template.equals("INTERNET_CONTENT")) {
            visible.add("FEEDBACK_SENT");
        }
        visible.add("CLOSED");
        assertThat(seen.get("timeline").findValuesAsText("type")).containsExactlyElementsOf(visible);
        assertThat(seen.toString()).doesNotContain("核实完毕", "已下架相关内容", "network-security", "handler@");

        assertThat(types(closed)).containsSubsequence("RECEIVED", "ACCEPTED", "NOTE", "ASSIGNED",
                "INFORMATION_REQUESTED", "INFORMATION_ADDED", "PARTY_STATEMENT", "NOTE", "DECIDED", "CLOSED");
        assertThat(closed.get("timeline").findValuesAsText("staff")).contains("handler@" + desk.tenant().slug() + ".example");
        assertThat(Fixtures.auditReasons(desk.tenant(), "CASE_DECIDED")).isNotEmpty();
        assertChainIntact(desk);
    }

    /**
     * A fresh tenant of the template whose policies were changed as its admin would (the configuration API is
     * another issue's; until then the rows are written directly).
     */
    static Desk configured(String template, String... sql) {
        Desk desk = Desk.of(template);
        try (Connection db = platform().ownerConnection()) {
            for (String statement : sql) {
                try (PreparedStatement s = db.prepareStatement(statement)) {
                    s.setString(1, desk.tenant().id());
                    assertThat(s.executeUpdate()).as(statement).isPositive();
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return desk;
    }

    /** Templates B and C offer no appeal; their tenants add a window and a review period. */
    static Desk withAppeals(String template) {
        if (template.equals("INTERNET_CONTENT")) {
            return desk(template);
        }
        String insert = "insert into deadline_policies (tenant_id, id, stage, amount, unit, extension_needs_approval, "
                + "alert_percents, pauses_while_waiting) values (?::uuid, gen_random_uuid(), '%s', 15, 'WORKING_DAYS', "
                + "false, '50,80,100', false)";
        return configured(template, insert.formatted("APPEAL_WINDOW"), insert.formatted("REVIEW"));
    }

    /** Decides the case and, where feedback does not go with the decision, gives it; then closes it. */
    static void decideAndClose(Desk desk, String token, String id, ObjectNode decision) {
        JsonNode decided = desk.step(token, id, "decide", decision);
        if (!decided.get("handling").hasNonNull("feedbackAt")) {
            desk.step(token, id, "feedback", body().put("message", "处理结果已出 / Your report has been decided."));
        }
        desk.step(token, id, "close", body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERNET_CONTENT", "CONSUMER_COMPLAINTS", "EU_WHISTLEBLOWING"})
    void anAppealIsReviewedByAnotherHandlerReversedThenUpheld(String template) {
        Desk desk = withAppeals(template);
        Submitted c = desk.submit();
        desk.step(c.id(), "accept", body());
        desk.step(c.id(), "assign", body().put("assignee", "handler@" + desk.tenant().slug() + ".example"));
        decideAndClose(desk, desk.handler(), c.id(), decision("UNSUBSTANTIATED", "未发现违法信息。"));
        JsonNode closed = desk.track(c.receipt());
        assertThat(closed.hasNonNull("appealUntil")).isTrue();

        Api.Response appealed = desk.tracking("appeal", body().put("receiptCode", c.receipt()).put("reasons", "该网站仍在发布赌博广告"));
        assertThat(appealed.status()).as(appealed.body()).isEqualTo(200);
        assertThat(appealed.json().get("status").asText()).isEqualTo("APPEALED");
        JsonNode underReview = desk.detail(c.id());
        assertThat(deadline(underReview, "REVIEW", true).get("period").asText()).isEqualTo("15 WORKING_DAYS");

        Api.Response ownReview = desk.act(desk.handler(), c.id(), "review", underReview.get("version").asLong(),
                body().put("result", "UPHOLD").put("reasons", "维持"));
        assertThat(ownReview.status()).isEqualTo(403);
        assertThat(ownReview.json().get("code").asText()).isEqualTo("REVIEWER_IS_DECIDER");
        assertThat(desk.detail(c.id()).get("version").asLong()).isEqualTo(underReview.get("version").asLong());

        JsonNode reversed = desk.step(desk.reviewer(), c.id(), "review", body().put("result", "REVERSE")
                .put("reasons", "复核认为原处理结论有误，重新办理。"));
        assertThat(reversed.get("summary").get("status").asText()).isEqualTo("IN_PROGRESS");
        String again = template.equals("EU_WHISTLEBLOWING") ? "FEEDBACK" : "DECIDE";
        assertThat(deadline(reversed, again, true)).as("a new " + again + " deadline").isNotNull();
        assertThat(desk.track(c.receipt()).hasNonNull("decision")).isFalse();

        decideAndClose(desk, desk.reviewer(), c.id(), decision("SUBSTANTIATED", "复核后认定举报属实。"));
        assertThat(desk.track(c.receipt()).get("decision").get("outcome").asText()).isEqualTo("SUBSTANTIATED");
        Api.Response second = desk.tracking("appeal", body().put("receiptCode", c.receipt()).put("reasons", "再次申诉"));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        long appealedVersion = desk.detail(c.id()).get("version").asLong();
        Api.Response closedWithoutReview = desk.act(desk.handler(), c.id(), "close", appealedVersion, body());
        assertThat(closedWithoutReview.status()).as("an appeal ends only by review").isEqualTo(409);
        assertThat(closedWithoutReview.json().get("detail").asText()).contains("APPEALED");
        assertThat(desk.detail(c.id()).get("version").asLong()).isEqualTo(appealedVersion);
        JsonNode upheld = desk.step(desk.handler(), c.id(), "review", body().put("result", "UPHOLD").put("reasons", "维持复核结论。"));
        assertThat(upheld.get("summary").get("status").asText()).isEqualTo("CLOSED");
        assertThat(upheld.get("decisions")).hasSize(2);
        assertThat(desk.track(c.receipt()).get("timeline").findValuesAsText("type")).containsSubsequence(
                "DECIDED", "CLOSED", "APPEALED", "REVIEW_REVERSED", "DECIDED", "CLOSED", "APPEALED", "REVIEW_UPHELD");

        Api.Response third = desk.tracking("appeal", body().put("receiptCode", c.receipt()).put("reasons", "第三次"));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().get("code").asText()).isEqualTo("APPEAL_NOT_OPEN");
    }

    @Test
    void anAppealAfterTheWindowAndAnAppealWhereNoneIsOfferedAreRefused() throws Exception {
        Desk desk = desk("INTERNET_CONTENT");
        Submitted c = desk.submit();
        desk.step(c.id(), "accept", body());
        desk.step(c.id(), "assign", body().put("department", "triage"));
        desk.step(c.id(), "decide", decision("UNSUBSTANTIATED", "未发现违法信息。"));
        desk.step(c.id(), "close", body());
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("update case_deadlines set due_at = now() - interval '1 day' "
                     + "where tenant_id = ?::uuid and case_id = ?::uuid and stage = 'APPEAL_WINDOW'")) {
            s.setString(1, desk.tenant().id());
            s.setString(2, c.id());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        Api.Response late = desk.tracking("appeal", body().put("receiptCode", c.receipt()).put("reasons", "迟到的申诉"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asText()).isEqualTo("APPEAL_WINDOW_CLOSED");
        assertThat(desk.track(c.receipt()).get("status").asText()).isEqualTo("CLOSED");

        Desk consumer = desk("CONSUMER_COMPLAINTS");
        Submitted other = consumer.submit();
        consumer.step(other.id(), "accept", body());
        consumer.step(other.id(), "assign", body().put("department", "mediation"));
        consumer.step(other.id(), "decide", decision("PARTLY_SUBSTANTIATED", "调解成功。"));
        consumer.step(other.id(), "feedback", body().put("impossibleBecause", "投诉人未留联系方式"));
        consumer.step(other.id(), "close", body());
        Api.Response none = consumer.tracking("appeal", body().put("receiptCode", other.receipt()).put("reasons", "不服"));
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("code").asText()).isEqualTo("APPEAL_NOT_OPEN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERNET_CONTENT", "CONSUMER_COMPLAINTS", "EU_WHISTLEBLOWING"})
    void aRejectedCaseTellsTheReporterWhereElseToGoAndIsFinal(String template) {
        Desk desk = desk(template);
        Submitted c = desk.submit();
        JsonNode rejected = desk.step(c.id(), "reject", body().put("reason", "不属于本平台受理范围")
                .put("goElsewhere", "12377 违法和不良信息举报中心"));
        assertThat(rejected.get("summary").get("status").asText()).isEqualTo("REJECTED");
        assertAllCompleted(rejected);
        JsonNode seen = desk.track(c.receipt());
        assertThat(seen.get("status").asText()).isEqualTo("REJECTED");
        assertThat(seen.get("referredTo").asText()).isEqualTo("12377 违法和不良信息举报中心");
        assertThat(seen.get("timeline").findValuesAsText("message")).contains("不属于本平台受理范围");

        Api.Response accept = desk.act(desk.handler(), c.id(), "accept", rejected.get("version").asLong(), body());
        assertThat(accept.status()).isEqualTo(409);
        assertThat(accept.json().get("code").asText()).isEqualTo("ILLEGAL_TRANSITION");
        assertThat(accept.json().get("detail").asText()).contains("REJECTED");
    }

    @Test
    void aLongReasonIsAcceptedAndKeptWholeInTheAuditTrail() {
        Desk desk = desk("INTERNET_CONTENT");
        Submitted c = desk.submit();
        String reason = "不属于本平台受理范围。".repeat(500);
        assertThat(reason.length()).isGreaterThan(2000).isLessThanOrEqualTo(10_000);
        JsonNode rejected = desk.step(c.id(), "reject", body().put("reason", reason));
        assertThat(rejected.get("summary").get("status").asText()).isEqualTo("REJECTED");
        assertThat(Fixtures.rows("audit_events", desk.tenant().id(), "reason = '" + reason + "'")).isEqualTo(1);
        assertChainIntact(desk);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERNET_CONTENT", "CONSUMER_COMPLAINTS", "EU_WHISTLEBLOWING"})
    void aTransferredCaseNamesTheBodyToTheReporterButNotTheInternalReason(String template) {
        Desk desk = desk(template);
        Submitted c = desk.submit();
        JsonNode transferred = desk.step(c.id(), "transfer", body().put("body", "市公安局网安支队")
                .put("reason", "涉嫌刑事犯罪，内部编号 X-17"));
        assertThat(transferred.get("summary").get("status").asText()).isEqualTo("TRANSFERRED");
        assertThat(transferred.get("handling").get("referredTo").asText()).isEqualTo("市公安局网安支队");
        JsonNode seen = desk.track(c.receipt());
        assertThat(seen.get("status").asText()).isEqualTo("TRANSFERRED");
        assertThat(seen.toString()).contains("市公安局网安支队").doesNotContain("X-17");
        Api.Response info = desk.tracking("information", body().put("receiptCode", c.receipt()).put("message", "还有"));
        assertThat(info.status()).isEqualTo(409);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTERNET_CONTENT", "CONSUMER_COMPLAINTS", "EU_WHISTLEBLOWING"})
    void duplicatesMergeIntoALeadWhoseOutcomeEveryReporterSees(String template) {
        Desk desk = desk(template);
        Submitted first = desk.submit();
        Submitted lead = desk.submit();
        Submitted later = desk.submit();
        desk.step(lead.id(), "accept", body());
        desk.step(first.id(), "merge", body().put("leadCaseId", lead.id()).put("reason", "同一网站"));
        desk.step(later.id(), "merge", body().put("leadCaseId", lead.id()));

        JsonNode leadDetail = desk.detail(lead.id());
        assertThat(leadDetail.get("duplicates").findValuesAsText("reference")).containsExactly(first.reference(), later.reference());
        assertThat(leadDetail.get("duplicates").get(0).get("rewardPriority").asBoolean()).isTrue();
        assertThat(leadDetail.get("duplicates").get(1).get("rewardPriority").asBoolean()).isFalse();
        assertThat(types(leadDetail)).containsSubsequence("DUPLICATE_MERGED", "DUPLICATE_MERGED");

        JsonNode merged = desk.detail(first.id());
        assertThat(merged.get("summary").get("status").asText()).isEqualTo("MERGED");
        assertThat(merged.get("leadCaseId").asText()).isEqualTo(lead.id());
        assertAllCompleted(merged);

        desk.step(lead.id(), "assign", body().put("department", "review"));
        desk.step(lead.id(), "decide", decision("SUBSTANTIATED", "多名举报人反映的问题属实。"));
        for (Submitted duplicate : List.of(first, later)) {
            JsonNode seen = desk.track(duplicate.receipt());
            assertThat(seen.get("status").asText()).isEqualTo("MERGED");
            assertThat(seen.get("leadCase").get("reference").asText()).isEqualTo(lead.reference());
            assertThat(seen.get("leadCase").get("status").asText()).isEqualTo("DECIDED");
            assertThat(seen.get("leadCase").get("decision").get("reasons").asText()).isEqualTo("多名举报人反映的问题属实。");
        }

        Submitted another = desk.submit();
        long version = desk.detail(another.id()).get("version").asLong();
        Api.Response intoDuplicate = desk.act(desk.handler(), another.id(), "merge", version,
                body().put("leadCaseId", first.id()));
        assertThat(intoDuplicate.status()).isEqualTo(409);
        assertThat(intoDuplicate.json().get("code").asText()).isEqualTo("LEAD_NOT_OPEN");
        Api.Response intoItself = desk.act(desk.handler(), another.id(), "merge", version, body().put("leadCaseId", another.id()));
        assertThat(intoItself.json().get("code").asText()).isEqualTo("MERGE_INTO_ITSELF");
        Api.Response intoNothing = desk.act(desk.handler(), another.id(), "merge", version,
                body().put("leadCaseId", java.util.UUID.randomUUID().toString()));
        assertThat(intoNothing.status()).isEqualTo(404);
    }

    @Test
    void whenALeadIsMergedInTurnItsDuplicatesFollowItToTheNewLead() {
        Desk desk = desk("INTERNET_CONTENT");
        Submitted duplicate = desk.submit();
        Submitted formerLead = desk.submit();
        Submitted newLead = desk.submit();
        desk.step(duplicate.id(), "merge", body().put("leadCaseId", formerLead.id()));
        desk.step(formerLead.id(), "merge", body().put("leadCaseId", newLead.id()));

        assertThat(desk.detail(duplicate.id()).get("leadCaseId").asText()).isEqualTo(newLead.id());
        JsonNode lead = desk.detail(newLead.id());
        assertThat(lead.get("duplicates").findValuesAsText("reference"))
                .containsExactlyInAnyOrder(duplicate.reference(), formerLead.reference());
        assertThat(lead.get("duplicates").findValuesAsText("rewardPriority")).containsExactly("true", "false");
        assertThat(desk.detail(formerLead.id()).get("duplicates")).isEmpty();
        assertThat(desk.track(duplicate.receipt()).get("leadCase").get("reference").asText()).isEqualTo(newLead.reference());
    }

    /** Template B's decision may be extended by 15 working days with approval; A and C get a rule from their admin. */
    @ParameterizedTest
    @ValueSource(strings = {"INTERNET_CONTENT", "CONSUMER_COMPLAINTS", "EU_WHISTLEBLOWING"})
    void anExtensionNeedsASupervisorsApprovalAndIsGrantedOnce(String template) {
        String stage = template.equals("EU_WHISTLEBLOWING") ? "FEEDBACK" : "DECIDE";
        Desk desk = template.equals("CONSUMER_COMPLAINTS") ? desk(template) : configured(template,
                "update deadline_policies set extension_amount = 10, extension_unit = 'WORKING_DAYS', "
                        + "extension_needs_approval = true where tenant_id = ?::uuid and stage = '" + stage + "'");
        Submitted c = desk.submit();
        desk.step(c.id(), "accept", body());
        String dueBefore = deadline(desk.detail(c.id()), stage, true).get("dueAt").asText();

        JsonNode requested = desk.step(c.id(), "extension-requests", body().put("stage", stage).put("reason", "需要现场核查"));
        JsonNode request = requested.get("extensionRequests").get(0);
        assertThat(request.get("status").asText()).isEqualTo("PENDING");
        assertThat(deadline(requested, stage, true).get("dueAt").asText()).isEqualTo(dueBefore);
        Api.Response twice = desk.act(desk.handler(), c.id(), "extension-requests", requested.get("version").asLong(),
                body().put("stage", stage).put("reason", "再次申请"));
        assertThat(twice.json().get("code").asText()).isEqualTo("EXTENSION_PENDING");

        String answer = "extension-requests/" + request.get("id").asText() + "/answer";
        Api.Response byHandler = desk.act(desk.handler(), c.id(), answer, requested.get("version").asLong(),
                body().put("approve", true).put("reason", "同意"));
        assertThat(byHandler.status()).isEqualTo(403);

        JsonNode approved = desk.step(desk.supervisor(), c.id(), answer, body().put("approve", true).put("reason", "同意延期"));
        JsonNode extended = deadline(approved, stage, true);
        assertThat(extended.get("extended").asBoolean()).isTrue();
        assertThat(Instant.parse(extended.get("dueAt").asText())).isAfter(Instant.parse(dueBefore));
        assertThat(approved.get("extensionRequests").get(0).get("status").asText()).isEqualTo("APPROVED");
        assertThat(types(approved)).containsSubsequence("EXTENSION_REQUESTED", "EXTENSION_APPROVED");
        assertThat(Fixtures.auditReasons(desk.tenant(), "EXTENSION_APPROVED")).contains("同意延期");

        Api.Response answeredAgain = desk.act(desk.supervisor(), c.id(), answer, approved.get("version").asLong(),
                body().put("approve", false).put("reason", "撤回"));
        assertThat(answeredAgain.json().get("code").asText()).isEqualTo("EXTENSION_ALREADY_ANSWERED");
        Api.Response more = desk.act(desk.handler(), c.id(), "extension-requests", approved.get("version").asLong(),
                body().put("stage", stage).put("reason", "还需要时间"));
        assertThat(more.json().get("code").asText()).isEqualTo("ALREADY_EXTENDED");

        if (!template.equals("INTERNET_CONTENT")) {
            return;
        }
        Desk internet = desk("INTERNET_CONTENT");
        Submitted noRule = internet.submit();
        internet.step(noRule.id(), "accept", body());
        Api.Response refused = internet.act(internet.handler(), noRule.id(), "extension-requests",
                internet.detail(noRule.id()).get("version").asLong(), body().put("stage", "DECIDE").put("reason", "需要时间"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("NO_EXTENSION_RULE");
    }

    @Test
    void aDeniedExtensionLeavesTheDeadlineAsItWas() {
        Desk desk = desk("CONSUMER_COMPLAINTS");
        Submitted c = desk.submit();
        desk.step(c.id(), "accept", body());
        JsonNode requested = desk.step(c.id(), "extension-requests", body().put("stage", "DECIDE").put("reason", "需要现场核查"));
        String id = requested.get("extensionRequests").get(0).get("id").asText();
        JsonNode denied = desk.step(desk.supervisor(), c.id(), "extension-requests/" + id + "/answer",
                body().put("approve", false).put("reason", "理由不充分"));
        assertThat(deadline(denied, "DECIDE", true).get("dueAt").asText())
                .isEqualTo(deadline(requested, "DECIDE", true).get("dueAt").asText());
        assertThat(deadline(denied, "DECIDE", true).get("extended").asBoolean()).isFalse();
        assertThat(denied.get("extensionRequests").get(0).get("status").asText()).isEqualTo("DENIED");
    }

    @Test
    void flaggingRecordsSeverityAndStaffCanStopWaitingForTheReporter() {
        Desk desk = desk("CONSUMER_COMPLAINTS");
        Submitted c = desk.submit();
        JsonNode flagged = desk.step(c.id(), "flag", body().put("severity", "CRITICAL").put("urgent", true)
                .put("reason", "涉及食品安全，影响面广"));
        assertThat(flagged.get("summary").get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(flagged.get("summary").get("urgent").asBoolean()).isTrue();
        assertThat(Fixtures.auditReasons(desk.tenant(), "CASE_FLAGGED")).contains("涉及食品安全，影响面广");

        desk.step(c.id(), "request-information", body().put("question", "请提供购买凭证"));
        assertThat(deadline(desk.detail(c.id()), "ACCEPT", true).get("paused").asBoolean()).isFalse();
        JsonNode stopped = desk.step(c.id(), "stop-waiting", body().put("reason", "投诉人电话告知无凭证"));
        assertThat(stopped.get("summary").get("waitingForReporter").asBoolean()).isFalse();
        Api.Response again = desk.act(desk.handler(), c.id(), "stop-waiting", stopped.get("version").asLong(),
                body().put("reason", "再次"));
        assertThat(again.json().get("code").asText()).isEqualTo("NOT_WAITING");
    }

    @Test
    void ofTwoHandlersActingAtOnceOnTheSameVersionExactlyOneWins() throws Exception {
        Desk desk = desk("INTERNET_CONTENT");
        for (int round = 0; round < 5; round++) {
            Submitted c = desk.submit();
            long version = desk.detail(c.id()).get("version").asLong();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Api.Response>> racers = List.of(
                        () -> { start.await(); return desk.act(desk.handler(), c.id(), "accept", version, body()); },
                        () -> { start.await(); return desk.act(desk.reviewer(), c.id(), "reject", version,
                                body().put("reason", "不属于受理范围")); });
                List<Future<Api.Response>> results = new ArrayList<>();
                for (Callable<Api.Response> racer : racers) {
                    results.add(pool.submit(racer));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Api.Response> result : results) {
                    Api.Response response = result.get();
                    statuses.add(response.status());
                    if (response.status() == 409) {
                        assertThat(response.json().get("code").asText()).isIn("CONCURRENT_UPDATE", "ILLEGAL_TRANSITION");
                    }
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 409);
                JsonNode after = desk.detail(c.id());
                assertThat(after.get("version").asLong()).isEqualTo(version + 1);
                List<String> types = types(after);
                assertThat(types.stream().filter(t -> t.equals("ACCEPTED") || t.equals("REJECTED")).count())
                        .as("exactly one of the two steps is in the timeline: " + types).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aStaleOrMissingVersionIsRefusedAndChangesNothing() {
        Desk desk = desk("INTERNET_CONTENT");
        Submitted c = desk.submit();
        JsonNode before = desk.detail(c.id());
        long version = before.get("version").asLong();
        desk.step(c.id(), "notes", body().put("text", "第一条"));

        Api.Response stale = desk.act(desk.handler(), c.id(), "accept", version, body());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asText()).isEqualTo("CONCURRENT_UPDATE");
        Api.Response missing = api().postJson(desk.cases() + "/" + c.id() + "/accept", body(),
                new Api.Call().bearer(desk.handler()));
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        Api.Response garbled = api().postJson(desk.cases() + "/" + c.id() + "/accept", body(),
                new Api.Call().bearer(desk.handler()).header("If-Match", "version three"));
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().get("errors").findValuesAsText("pointer")).containsExactly("If-Match");
        assertThat(desk.detail(c.id()).get("summary").get("status").asText()).isEqualTo("RECEIVED");
    }

    @Test
    void badInputsAreNamedFieldByFieldAndChangeNothing() {
        Desk desk = desk("INTERNET_CONTENT");
        Submitted c = desk.submit();
        desk.step(c.id(), "accept", body());
        desk.step(c.id(), "assign", body().put("department", "triage"));
        long version = desk.detail(c.id()).get("version").asLong();
        long audited = auditCount(desk);

        record Bad(String action, ObjectNode body, List<String> pointers) {
        }
        ObjectNode badActions = decision("SUBSTANTIATED", "x");
        badActions.putArray("actions").add("BURN_IT").add("WARNING_ISSUED").add("WARNING_ISSUED");
        List<Bad> bad = List.of(
                new Bad("reject", body(), List.of("/reason")),
                new Bad("reject", body().put("reason", "  "), List.of("/reason")),
                new Bad("transfer", body().put("reason", "x"), List.of("/body")),
                new Bad("assign", body(), List.of("/assignee")),
                new Bad("assign", body().put("department", "Network Security!"), List.of("/department")),
                new Bad("assign", body().put("assignee", "nobody@" + desk.tenant().slug() + ".example"), List.of("/assignee")),
                new Bad("assign", body().put("assignee", "handler@" + desk("CONSUMER_COMPLAINTS").tenant().slug() + ".example"),
                        List.of("/assignee")),
                new Bad("assign", body().put("assignee", "admin@" + desk.tenant().slug() + ".example"), List.of("/assignee")),
                new Bad("request-information", body().put("question", "a\u0000b"), List.of("/question")),
                new Bad("notes", body().put("text", "x".repeat(10_001)), List.of("/text")),
                new Bad("party-statements", body().put("statement", "x"), List.of("/party")),
                new Bad("extension-requests", body().put("stage", "LUNCH").put("reason", "x"), List.of("/stage")),
                new Bad("flag", body().put("severity", "APOCALYPTIC"), List.of("/severity", "/urgent", "/reason")),
                new Bad("decide", body().put("outcome", "GUILTY"), List.of("/outcome", "/actions", "/legalBasis", "/reasons")),
                new Bad("decide", badActions, List.of("/actions/0", "/actions")),
                new Bad("feedback", body(), List.of("/message")),
                new Bad("feedback", body().put("message", "a").put("impossibleBecause", "b"), List.of("/message")),
                new Bad("review", body().put("result", "MAYBE"), List.of("/result", "/reasons")),
                new Bad("merge", body(), List.of("/leadCaseId")),
                new Bad("merge", body().put("leadCaseId", "not-a-uuid"), List.of("/leadCaseId")),
                new Bad("accept", body().put("priority", "HIGH"), List.of("/priority")),
                new Bad("notes", body().put("text", 42), List.of("/text")));
        for (Bad b : bad) {
            Api.Response response = desk.act(desk.handler(), c.id(), b.action(), version, b.body());
            assertThat(response.status()).as(b.action() + " " + b.body() + ": " + response.body()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").findValuesAsText("pointer")).as(b.action() + " " + b.body())
                    .containsExactlyInAnyOrderElementsOf(b.pointers());
        }
        Api.Response empty = api().postBytes(desk.cases() + "/" + c.id() + "/notes", new byte[0], "application/json",
                new Api.Call().bearer(desk.handler()).header("If-Match", "\"" + version + "\""));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(desk.detail(c.id()).get("version").asLong()).isEqualTo(version);
        assertThat(auditCount(desk)).isEqualTo(audited);
    }

    @Test
    void onlyHandlersAndSupervisorsOfTheTenantActOnItsCases() {
        Desk desk = desk("INTERNET_CONTENT");
        Desk other = desk("EU_WHISTLEBLOWING");
        Submitted c = desk.submit();
        long version = desk.detail(c.id()).get("version").asLong();

        Api.Response admin = desk.act(desk.tenant().adminToken(), c.id(), "accept", version, body());
        assertThat(admin.status()).isEqualTo(403);
        Api.Response foreign = desk.act(other.handler(), c.id(), "accept", version, body());
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("code").asText()).isEqualTo("TENANT_ACCESS_DENIED");
        Api.Response crossPath = api().postJson(other.cases() + "/" + c.id() + "/accept", body(),
                new Api.Call().bearer(other.handler()).header("If-Match", "\"" + version + "\""));
        assertThat(crossPath.status()).as("another tenant's case id under one's own tenant").isEqualTo(404);
        Api.Response anonymous = api().postJson(desk.cases() + "/" + c.id() + "/accept", body(),
                Api.Call.anonymous().header("If-Match", "\"" + version + "\""));
        assertThat(anonymous.status()).isEqualTo(401);
        Api.Response unknown = desk.act(desk.handler(), java.util.UUID.randomUUID().toString(), "accept", 0, body());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(desk.detail(c.id()).get("version").asLong()).isEqualTo(version);
        assertThat(desk.detail(c.id()).get("summary").get("status").asText()).isEqualTo("RECEIVED");
    }

    private static void assertAllCompleted(JsonNode detail) {
        assertThat(detail.get("deadlines")).isNotEmpty();
        for (JsonNode d : detail.get("deadlines")) {
            assertThat(d.hasNonNull("completedAt")).as(d.toString()).isTrue();
        }
    }

    private static long auditCount(Desk desk) {
        return Fixtures.rows("audit_events", desk.tenant().id());
    }

    private static void assertChainIntact(Desk desk) {
        Fixtures.sealAudit(desk.tenant());
        Api.Response verification = api().get("/api/v1/tenants/" + desk.tenant().slug() + "/audit/verification",
                new Api.Call().bearer(desk.supervisor()));
        assertThat(verification.status()).as(verification.body()).isEqualTo(200);
        assertThat(verification.json().get("intact").asBoolean()).as(verification.body()).isTrue();
    }
}
