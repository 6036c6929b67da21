package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static io.qinglang.infra.it.CaseHandlingIT.decision;
import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.platform;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queues staff land on: cases set up to fall in each (and some in none), each queue's count against the
 * cases its list query pages through, and the running stage in the list's rows.
 */
class CaseQueuesIT {

    static CaseHandlingIT.Desk desk;
    static String handler;
    static String reviewer;
    static String supervisor;
    /** Reference of each case by what was done to it. */
    static final Map<String, CaseHandlingIT.Submitted> cases = new LinkedHashMap<>();

    @BeforeAll
    static void casesInEveryQueue() throws Exception {
        desk = CaseHandlingIT.withAppeals("CONSUMER_COMPLAINTS");
        String slug = desk.tenant().slug();
        handler = "handler@" + slug + ".example";
        reviewer = "handler2@" + slug + ".example";
        supervisor = "supervisor@" + slug + ".example";
        Api.Response rule = api().postJson("/api/v1/tenants/" + slug + "/configuration/reward-rules",
                body().put("kind", "FIXED").put("amount", 300), new Api.Call().bearer(desk.tenant().adminToken()));
        assertThat(rule.status()).as(rule.body()).isEqualTo(201);

        inProgress("mine", handler);
        submit("unassigned");
        dueAt(submit("dueSoon"), "now() + interval '2 hours'");
        dueAt(submit("overdue"), "now() - interval '1 hour'");
        desk.step(inProgress("waiting", reviewer).id(), "request-information", body().put("question", "请提供购物小票"));
        desk.step(submit("major").id(), "flag", body().put("severity", "SERIOUS").put("urgent", false)
                .put("reason", "涉及多名消费者"));
        CaseHandlingIT.Submitted appealed = inProgress("appeals", handler);
        CaseHandlingIT.decideAndClose(desk, desk.handler(), appealed.id(), decision("UNSUBSTANTIATED", "未发现问题。"));
        assertThat(desk.tracking("appeal", body().put("receiptCode", appealed.receipt()).put("reasons", "不服")).status())
                .isEqualTo(200);
        desk.step(inProgress("extensions", supervisor).id(), "extension-requests",
                body().put("stage", "DECIDE").put("reason", "需要抽检"));
        CaseHandlingIT.Submitted rewarded = inProgress("rewards", reviewer);
        desk.step(rewarded.id(), "decide", decision("SUBSTANTIATED", "经查属实。"));
        Api.Response proposed = api().postJson(desk.cases() + "/" + rewarded.id() + "/rewards", body(),
                new Api.Call().bearer(desk.handler()));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        CaseHandlingIT.decideAndClose(desk, desk.handler(), inProgress("closed", handler).id(),
                decision("UNSUBSTANTIATED", "未发现问题。"));
        desk.step(submit("rejected").id(), "reject", body().put("reason", "不属于本机关管辖"));
    }

    private static CaseHandlingIT.Submitted submit(String what) {
        CaseHandlingIT.Submitted c = desk.submit();
        cases.put(what, c);
        return c;
    }

    private static CaseHandlingIT.Submitted inProgress(String what, String assignee) {
        CaseHandlingIT.Submitted c = submit(what);
        desk.step(c.id(), "accept", body());
        desk.step(c.id(), "assign", body().put("assignee", assignee));
        return c;
    }

    /** Moves the case's triage deadlines (acknowledge, accept) as if it had been received at another time. */
    private static void dueAt(CaseHandlingIT.Submitted c, String when) throws Exception {
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("update case_deadlines set due_at = " + when
                     + " where case_id = ?::uuid and completed_at is null")) {
            s.setString(1, c.id());
            assertThat(s.executeUpdate()).isEqualTo(2);
        }
    }

    private static List<String> references(String... whats) {
        return java.util.Arrays.stream(whats).map(w -> cases.get(w).reference()).toList();
    }

    @Test
    void eachQueueCountsExactlyTheCasesItsListQueryShows() {
        Map<String, List<String>> handlers = Map.of(
                "mine", references("mine", "appeals"),
                "unassigned", references("unassigned", "dueSoon", "overdue", "major"),
                "dueSoon", references("dueSoon"),
                "overdue", references("overdue"),
                "waiting", references("waiting"),
                "major", references("major"),
                "appeals", references("appeals"));
        assertQueues(desk.handler(), handlers);

        Map<String, List<String>> supervisors = new LinkedHashMap<>(handlers);
        supervisors.put("mine", references("extensions"));
        supervisors.put("extensions", references("extensions"));
        supervisors.put("rewards", references("rewards"));
        assertQueues(desk.supervisor(), supervisors);
        assertThat(queues(desk.reviewer()).get("mine").get("count").asLong()).isEqualTo(2);
    }

    private static void assertQueues(String token, Map<String, List<String>> expected) {
        Map<String, JsonNode> queues = queues(token);
        assertThat(queues.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, JsonNode> queue : queues.entrySet()) {
            List<String> listed = pagedThrough(token, queue.getValue().get("query").asText());
            assertThat(listed).as(queue.getKey() + " listed").containsExactlyInAnyOrderElementsOf(expected.get(queue.getKey()));
            assertThat(queue.getValue().get("count").asLong()).as(queue.getKey() + " counted").isEqualTo(listed.size());
        }
    }

    private static Map<String, JsonNode> queues(String token) {
        Api.Response response = api().get(desk.cases() + "/queues", new Api.Call().bearer(token));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        response.json().forEach(q -> byName.put(q.get("name").asText(), q));
        return byName;
    }

    /** Every case the list query shows, two a page, following the cursor. */
    private static List<String> pagedThrough(String token, String query) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api().get(desk.cases() + "?" + query + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                    new Api.Call().bearer(token));
            assertThat(page.status()).as(query + ": " + page.body()).isEqualTo(200);
            seen.addAll(page.json().get("items").findValuesAsText("reference"));
            cursor = page.json().hasNonNull("nextCursor") ? page.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        return seen;
    }

    @Test
    void listRowsCarryTheRunningStageWithItsDueTimeAndNoneOnceClosed() {
        // acknowledge and accept run 7 working days from receipt: the same due time, accept named first
        JsonNode fresh = row("unassigned");
        JsonNode triage = CaseHandlingIT.deadline(desk.detail(cases.get("unassigned").id()), "ACCEPT", true);
        assertThat(fresh.get("runningStage").get("stage").asText()).isEqualTo("ACCEPT");
        assertThat(fresh.get("runningStage").get("dueAt").asText()).isEqualTo(triage.get("dueAt").asText());
        assertThat(fresh.get("runningStage").get("paused").asBoolean()).isFalse();
        assertThat(Instant.parse(row("overdue").get("runningStage").get("dueAt").asText())).isBefore(Instant.now());

        JsonNode waiting = row("waiting").get("runningStage");
        assertThat(waiting.get("stage").asText()).isEqualTo("DECIDE");
        assertThat(waiting.get("paused").asBoolean()).isTrue();

        JsonNode closed = desk.detail(cases.get("closed").id());
        assertThat(CaseHandlingIT.deadline(closed, "APPEAL_WINDOW", true)).as("the reporter's window runs").isNotNull();
        assertThat(row("closed").hasNonNull("runningStage")).isFalse();
        assertThat(closed.get("summary").hasNonNull("runningStage")).isFalse();
        assertThat(desk.detail(cases.get("unassigned").id()).get("summary").get("runningStage")).isEqualTo(fresh.get("runningStage"));
    }

    private static JsonNode row(String what) {
        Api.Response response = api().get(desk.cases() + "?q=" + cases.get(what).reference(), new Api.Call().bearer(desk.handler()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("items")).hasSize(1);
        return response.json().get("items").get(0);
    }

    @Test
    void theNewFiltersRefuseBadValuesByName() {
        Api.Response bad = api().get(desk.cases() + "?open=maybe&assigned=nobody&waiting=1&major=yes&extensionPending=no"
                + "&rewardPending=2", new Api.Call().bearer(desk.handler()));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/query/open",
                "/query/assigned", "/query/waiting", "/query/major", "/query/extensionPending", "/query/rewardPending");
        assertThat(pagedThrough(desk.handler(), "open=false&waiting=false&major=false&extensionPending=false&rewardPending=false"))
                .containsExactlyInAnyOrderElementsOf(references("closed", "rejected"));
    }

    @Test
    void anotherTenantsStaffSeeNoQueuesOfThisOne() {
        Fixtures.TestTenant other = Fixtures.onboard("CONSUMER_COMPLAINTS");
        String othersHandler = other.staffToken("handler");
        Api.Response foreign = api().get(desk.cases() + "/queues", new Api.Call().bearer(othersHandler));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("code").asText()).isEqualTo("TENANT_ACCESS_DENIED");
        assertThat(api().get(desk.cases() + "/queues", Api.Call.anonymous()).status()).isEqualTo(401);
        Api.Response own = api().get("/api/v1/tenants/" + other.slug() + "/cases/queues",
                new Api.Call().bearer(othersHandler));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().findValuesAsText("count")).containsOnly("0");
        assertThat(Set.copyOf(own.json().findValuesAsText("name"))).hasSize(7);
    }
}
