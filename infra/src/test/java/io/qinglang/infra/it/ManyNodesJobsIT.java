package io.qinglang.infra.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many nodes, one platform (issue 19): two more nodes, each in its own JVM on the test platform's database, run the
 * deadline escalation and the notification outbox every second, both at once; every alert is raised once and every
 * mail sent once. (The disclosure reports made once across nodes, and the outbox across a killed node, are
 * {@link CrashIT}'s; two runners in one JVM are {@link EscalationIT}'s.)
 */
class ManyNodesJobsIT {

    private static final Nodes NODES = new Nodes();
    private static final List<Path> LOGS = new ArrayList<>();

    @BeforeAll
    static void twoNodesRunningTheJobs() throws Exception {
        TestPlatform.get();
        for (int i = 0; i < 2; i++) {
            Path log = Files.createTempFile("jobs-node-" + (char) ('a' + i), ".log");
            LOGS.add(log);
            NODES.start(Nodes.freePort(), log, Map.of("qinglang.jobs.enabled", "true",
                    "qinglang.jobs.interval-seconds", "1", "qinglang.jobs.only", "escalation,outbox"));
        }
    }

    @AfterAll
    static void stop() {
        NODES.close();
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
