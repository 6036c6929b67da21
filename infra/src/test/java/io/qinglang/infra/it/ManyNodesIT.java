package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static io.qinglang.infra.it.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many nodes, one platform (issue 19): two more nodes of the platform, each in its own JVM, on the test platform's
 * database. A client alternating between them meets every limit once, not once per node: receipts tried per address
 * and per body, reports per address, the anomaly that asks for a proof-of-work, a proof spent once, an idempotency key
 * answered once. Both run the deadline escalation and the notification outbox every second, at once: every alert is
 * raised once and every mail sent once. (Disclosure reports made once across nodes, and the outbox across a killed
 * node, are {@link CrashIT}'s; two runners in one JVM are {@link EscalationIT}'s.)
 */
class ManyNodesIT {

    /**
     * The same settings on both nodes: limits lower than the defaults so that a test reaches them quickly, and two of
     * the background jobs every second.
     */
    private static final Map<String, String> SETTINGS = Map.of(
            "qinglang.tracking.per-tenant-per-minute", "12",
            "qinglang.intake.challenge.floor-per-minute", "8",
            "qinglang.jobs.enabled", "true", "qinglang.jobs.interval-seconds", "1",
            "qinglang.jobs.only", "escalation,outbox");

    private static final Nodes NODES = new Nodes();
    private static final List<Api> BOTH = new ArrayList<>();
    private static final List<Path> LOGS = new ArrayList<>();

    @BeforeAll
    static void twoNodes() throws Exception {
        TestPlatform platform = TestPlatform.get();
        for (int i = 0; i < 2; i++) {
            int port = Nodes.freePort();
            Path log = Files.createTempFile("node-" + (char) ('a' + i), ".log");
            LOGS.add(log);
            NODES.start(port, log, SETTINGS);
            BOTH.add(new Api("http://localhost:" + port, platform));
        }
    }

    @AfterAll
    static void stop() {
        NODES.close();
    }

    /** The node for the i-th request: the two in turn. */
    private static Api node(int i) {
        return BOTH.get(i % 2);
    }

    private static Api.Response track(Api node, Fixtures.TestTenant body, Api.Call call) {
        return node.postJson("/api/v1/tenants/" + body.slug() + "/tracking",
                Api.object().put("receiptCode", "0000-0000-0000-0000"), call);
    }

    private static Api.Response submit(Api node, Fixtures.TestTenant body, Api.Call call) {
        return node.remembering(node.postJson("/api/v1/tenants/" + body.slug() + "/reports",
                report("web", "product-quality"), call));
    }

    private static String address() {
        return "192.0.2." + (int) (Math.random() * 200 + 20);
    }

    @Test
    void receiptGuessesFromOneAddressMeetTheLimitOnceAcrossBothNodes() {
        // two bodies, so that neither's own limit (12 a minute here) is what stops the guesser
        List<Fixtures.TestTenant> bodies = List.of(Fixtures.onboard("CONSUMER_COMPLAINTS"),
                Fixtures.onboard("CONSUMER_COMPLAINTS"));
        Api.Call guesser = new Api.Call().from("198.18.3." + (int) (Math.random() * 200 + 20)); // no other test's range
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            statuses.add(track(node(i), bodies.get(i / 2 % 2), guesser).status());
        }
        // 20 a minute per address (the default), whichever node and body are asked
        assertThat(statuses.subList(0, 20)).containsOnly(404);
        assertThat(statuses.subList(20, 24)).containsOnly(429);
        assertThat(track(node(0), bodies.getFirst(), new Api.Call().from(address())).status()).as("another address")
                .isEqualTo(404);
    }

    @Test
    void aBodysReceiptLookupsMeetItsLimitOnceAcrossBothNodes() {
        Fixtures.TestTenant body = Fixtures.onboard("CONSUMER_COMPLAINTS");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            statuses.add(track(node(i), body, new Api.Call().from("198.18.0." + (i + 1))).status());
        }
        assertThat(statuses.subList(0, 12)).containsOnly(404);
        assertThat(statuses.subList(12, 16)).containsOnly(429);
    }

    @Test
    void reportsFromOneAddressMeetTheHourlyLimitOnceAcrossBothNodes() {
        // five bodies, six reports each: no body's anomaly floor (8 a minute here) is reached
        List<Fixtures.TestTenant> bodies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bodies.add(Fixtures.onboard("CONSUMER_COMPLAINTS"));
        }
        Api.Call sender = new Api.Call().from("198.51.100." + (int) (Math.random() * 200 + 20));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(submit(node(i), bodies.get(i % 5), sender).status());
        }
        Api.Response refused = submit(node(1), bodies.getFirst(), sender);

        assertThat(statuses).as("30 an hour per address (the default), not 30 per node").containsOnly(201);
        assertThat(refused.status()).as("the 31st: " + refused.body()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(bodies.stream().mapToLong(b -> Fixtures.rows("cases", b.id())).sum()).isEqualTo(30);
    }

    @Test
    void anAnomalousRateSeenByBothNodesTogetherAsksForAProofOnBothAndAProofOpensOnlyOnce() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("CONSUMER_COMPLAINTS");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(submit(node(i), body, new Api.Call().from("198.18.1." + (i + 1))).status());
        }
        // the floor is 8 a minute for the body: the 8th attempt, on either node, is the first asked for a proof
        assertThat(statuses.subList(0, 7)).containsOnly(201);
        assertThat(statuses.subList(7, 12)).containsOnly(403);
        for (Api node : BOTH) {
            JsonNode challenge = node.get("/api/v1/tenants/" + body.slug() + "/reports/challenge", Api.Call.anonymous())
                    .json();
            assertThat(challenge.get("required").asBoolean()).as("both nodes ask").isTrue();
        }
        JsonNode challenge = node(0).get("/api/v1/tenants/" + body.slug() + "/reports/challenge", Api.Call.anonymous())
                .json();
        String proof = ProofOfWorkIT.solve(challenge.get("token").asText(), challenge.get("difficultyBits").asInt());
        Api.Response first = submit(node(0), body, new Api.Call().from(address()).header("Proof-Of-Work", proof));
        Api.Response again = submit(node(1), body, new Api.Call().from(address()).header("Proof-Of-Work", proof));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as("the same proof on the other node").isEqualTo(403);
        assertThat(again.json().get("code").asText()).isEqualTo("PROOF_OF_WORK_REQUIRED");
        assertThat(Fixtures.rows("cases", body.id())).isEqualTo(8);
    }

    @Test
    void anIdempotencyKeyRetriedOnTheOtherNodeGetsTheFirstAnswer() {
        Fixtures.TestTenant body = Fixtures.onboard("CONSUMER_COMPLAINTS");
        Api.Call call = new Api.Call().from(address()).header("Idempotency-Key", "many-nodes-" + UUID.randomUUID());
        Api.Response first = submit(node(0), body, call);
        Api.Response retried = submit(node(1), body, call);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("receiptCode").asText()).isEqualTo(first.json().get("receiptCode").asText());
        assertThat(Fixtures.rows("cases", body.id())).isEqualTo(1);
    }

    @Test
    void bothNodesRunningEscalationAndTheOutboxRaiseEachAlertOnceAndSendEachMailOnce() throws Exception {
        CaseHandlingIT.Desk desk = CaseHandlingIT.Desk.of("INTERNET_CONTENT");
        String handler = "handler@" + desk.tenant().slug() + ".example";
        String supervisor = "supervisor@" + desk.tenant().slug() + ".example";
        List<CaseHandlingIT.Submitted> overdue = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CaseHandlingIT.Submitted c = desk.submit();
            desk.step(c.id(), "accept", body());
            desk.step(c.id(), "assign", body().put("assignee", handler));
            overdue.add(c);
        }
        // all ten fall due at once, while both nodes' jobs run every second
        for (CaseHandlingIT.Submitted c : overdue) {
            EscalationIT.backdate(desk, c.id(), "DECIDE", 10, -1);
        }

        Poll.until("every overdue case's two mails arrived", Duration.ofSeconds(60),
                () -> overdue.stream().mapToInt(c -> EscalationIT.mailsAbout(desk, c.reference()).size()).sum(),
                sent -> sent >= 20);
        Thread.sleep(3_000); // several more rounds of both nodes, which must find nothing left to do

        for (CaseHandlingIT.Submitted c : overdue) {
            List<io.qinglang.infra.dev.ReceivedMail> mails = EscalationIT.mailsAbout(desk, c.reference());
            assertThat(mails).as(c.reference()).hasSize(2);
            assertThat(mails.stream().flatMap(m -> m.to().stream())).containsExactlyInAnyOrder(handler, supervisor);
            assertThat(desk.detail(c.id()).get("timeline").findValuesAsText("type").stream()
                    .filter("DEADLINE_ALERT"::equals).count()).as("alerts on " + c.reference()).isEqualTo(1);
        }
        assertThat(Fixtures.auditReasons(desk.tenant(), "DEADLINE_ALERT")).hasSize(10);
        assertThat(Fixtures.rows("notifications", desk.tenant().id(), "sent_at is null")).isZero();
        long nodesThatRan = LOGS.stream().filter(log -> {
            try {
                return Files.readString(log).contains("deadline alert(s) raised");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).count();
        System.out.println("[many-nodes] nodes that raised alerts: " + nodesThatRan + " of 2");
    }
}
