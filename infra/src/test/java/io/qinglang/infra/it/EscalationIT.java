package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qinglang.infra.dev.ReceivedMail;
import io.qinglang.platform.cases.application.CalendarReminders;
import io.qinglang.platform.cases.application.Escalation;
import io.qinglang.platform.notifications.application.OutboxDispatcher;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static io.qinglang.infra.it.Fixtures.platform;
import static io.qinglang.infra.it.Fixtures.report;
import static io.qinglang.infra.it.Fixtures.submitted;
import static org.assertj.core.api.Assertions.assertThat;

/** Deadline alerts and the outbox, with two runners at once as two nodes would run them, against a real SMTP server. */
class EscalationIT {

    static CaseHandlingIT.Desk desk;
    static String handlerEmail;
    static String supervisorEmail;

    @BeforeAll
    static void tenant() {
        desk = CaseHandlingIT.Desk.of("INTERNET_CONTENT");
        handlerEmail = "handler@" + desk.tenant().slug() + ".example";
        supervisorEmail = "supervisor@" + desk.tenant().slug() + ".example";
    }

    static Escalation escalation() {
        return CDI.current().select(Escalation.class).get();
    }

    static OutboxDispatcher outbox() {
        return CDI.current().select(OutboxDispatcher.class).get();
    }

    /** Runs the same job from two threads at once, as two platform nodes would; returns what each did. */
    static List<Integer> twice(Callable<Integer> job) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return job.call();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> run : runs) {
                results.add(run.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Mails to a tenant's staff about one of its cases (references repeat across tenants, addresses do not). */
    static List<ReceivedMail> mailsAbout(CaseHandlingIT.Desk to, String reference) {
        return platform().environment().mail().receivedMessages().stream()
                .filter(m -> m.subject() != null && m.subject().contains(reference))
                .filter(m -> m.to().stream().allMatch(a -> a.endsWith("@" + to.tenant().slug() + ".example"))).toList();
    }

    /** Moves a running stage's clock so that it started {@code days} ago and is due {@code dueInHours} from now. */
    static void backdate(String caseId, String stage, int days, int dueInHours) throws Exception {
        backdate(desk, caseId, stage, days, dueInHours);
    }

    /** Moves the open deadline of {@code stage} of a case of {@code desk}'s body: started days ago, due in hours. */
    static void backdate(CaseHandlingIT.Desk desk, String caseId, String stage, int days, int dueInHours)
            throws Exception {
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("update case_deadlines set started_at = now() - make_interval(days => ?), "
                     + "due_at = now() + make_interval(hours => ?), "
                     + "next_alert_at = now() - make_interval(days => ?) + (now() + make_interval(hours => ?) "
                     + "- (now() - make_interval(days => ?))) / 2 "
                     + "where tenant_id = ?::uuid and case_id = ?::uuid and stage = ? and completed_at is null")) {
            s.setInt(1, days);
            s.setInt(2, dueInHours);
            s.setInt(3, days);
            s.setInt(4, dueInHours);
            s.setInt(5, days);
            s.setString(6, desk.tenant().id());
            s.setString(7, caseId);
            s.setString(8, stage);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    static String alertsSent(String caseId, String stage) throws Exception {
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("select alerts_sent from case_deadlines where tenant_id = ?::uuid "
                     + "and case_id = ?::uuid and stage = ?")) {
            s.setString(1, desk.tenant().id());
            s.setString(2, caseId);
            s.setString(3, stage);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void twoRunnersRaiseEachAlertOnceAndTwoDispatchersSendEachMailOnce() throws Exception {
        // whatever other tests left due is done first, so that the counts below are this test's own
        escalation().run(Instant.now());
        outbox().dispatch(Instant.now());
        List<CaseHandlingIT.Submitted> overdue = new ArrayList<>();
        List<CaseHandlingIT.Submitted> halfway = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            CaseHandlingIT.Submitted c = desk.submit();
            desk.step(c.id(), "accept", body());
            desk.step(c.id(), "assign", body().put("assignee", handlerEmail));
            if (i % 2 == 0) {
                backdate(c.id(), "DECIDE", 10, -1);
                overdue.add(c);
            } else {
                backdate(c.id(), "DECIDE", 6, 100);
                halfway.add(c);
            }
        }
        CaseHandlingIT.Submitted notYet = desk.submit();
        desk.step(notYet.id(), "accept", body());

        List<Integer> raised = twice(() -> escalation().run(Instant.now()));
        assertThat(raised.stream().mapToInt(Integer::intValue).sum()).as("alerts raised by both runners: " + raised)
                .isEqualTo(12);
        assertThat(escalation().run(Instant.now())).as("nothing left to raise").isZero();
        for (CaseHandlingIT.Submitted c : overdue) {
            assertThat(alertsSent(c.id(), "DECIDE")).isEqualTo("50,80,100");
            JsonNode detail = desk.detail(c.id());
            assertThat(detail.get("timeline").findValuesAsText("type").stream().filter("DEADLINE_ALERT"::equals).count())
                    .isEqualTo(1);
            assertThat(CaseHandlingIT.deadline(detail, "DECIDE", true).get("overdue").asBoolean()).isTrue();
        }
        for (CaseHandlingIT.Submitted c : halfway) {
            assertThat(alertsSent(c.id(), "DECIDE")).isEqualTo("50");
        }
        assertThat(alertsSent(notYet.id(), "DECIDE")).isEmpty();

        List<Integer> sent = twice(() -> outbox().dispatch(Instant.now()));
        assertThat(sent.stream().mapToInt(Integer::intValue).sum()).as("notifications sent by both: " + sent).isEqualTo(12);
        for (CaseHandlingIT.Submitted c : overdue) {
            List<ReceivedMail> mails = mailsAbout(desk, c.reference());
            assertThat(mails).hasSize(2);
            assertThat(mails.stream().flatMap(m -> m.to().stream())).containsExactlyInAnyOrder(handlerEmail, supervisorEmail);
            assertThat(mails.getFirst().subject()).contains("100%", "DECIDE");
        }
        for (CaseHandlingIT.Submitted c : halfway) {
            assertThat(mailsAbout(desk, c.reference())).hasSize(2).allSatisfy(m -> assertThat(m.subject()).contains("50%"));
        }
        assertThat(outbox().dispatch(Instant.now())).isZero();
        assertThat(Fixtures.auditReasons(desk.tenant(), "DEADLINE_ALERT")).hasSize(12);
    }

    @Test
    void aPausedClockRaisesNoAlertAndAFlaggedOrUrgentCaseAlertsTheSupervisorsAtOnce() throws Exception {
        CaseHandlingIT.Desk consumer = CaseHandlingIT.Desk.of("CONSUMER_COMPLAINTS");
        CaseHandlingIT.Submitted waiting = consumer.submit();
        consumer.step(waiting.id(), "accept", body());
        consumer.step(waiting.id(), "request-information", body().put("question", "请提供订单号"));
        try (Connection db = platform().ownerConnection()) {
            try (PreparedStatement s = db.prepareStatement("select paused_at is not null, next_alert_at is null "
                    + "from case_deadlines where case_id = ?::uuid and stage = 'DECIDE'")) {
                s.setString(1, waiting.id());
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBoolean(1)).as("paused").isTrue();
                    assertThat(rs.getBoolean(2)).as("no alert scheduled while paused").isTrue();
                }
            }
            // even a row that looked due (say, written by an older node) raises nothing while paused
            try (PreparedStatement s = db.prepareStatement("update case_deadlines set started_at = now() - interval '70 days', "
                    + "due_at = now() - interval '1 day', next_alert_at = now() - interval '2 days' "
                    + "where case_id = ?::uuid and stage = 'DECIDE'")) {
                s.setString(1, waiting.id());
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
        }
        escalation().run(Instant.now());
        JsonNode detail = consumer.detail(waiting.id());
        assertThat(detail.get("timeline").findValuesAsText("type")).doesNotContain("DEADLINE_ALERT");

        CaseHandlingIT.Submitted major = consumer.submit();
        consumer.step(major.id(), "flag", body().put("severity", "SERIOUS").put("urgent", false).put("reason", "涉及多名消费者"));
        ObjectNode urgent = report("web", "self-harm");
        String urgentReference = submitted(desk.tenant(), urgent).get("reference").asText();
        outbox().dispatch(Instant.now());

        String consumerSupervisor = "supervisor@" + consumer.tenant().slug() + ".example";
        assertThat(mailsAbout(consumer, major.reference())).singleElement()
                .satisfies(m -> assertThat(m.to()).containsExactly(consumerSupervisor))
                .satisfies(m -> assertThat(m.text()).contains("SERIOUS").doesNotContain("涉及多名消费者"));
        assertThat(mailsAbout(desk, urgentReference)).singleElement()
                .satisfies(m -> assertThat(m.to()).containsExactly(supervisorEmail));
    }

    @Test
    void aReporterWithAnEmailIsToldThatThereIsNewsButNeverWhat() throws Exception {
        ObjectNode withContact = report("web", "gambling");
        withContact.putObject("contact").put("email", "reporter-" + System.nanoTime() + "@example.org");
        String reporter = withContact.get("contact").get("email").asText();
        JsonNode receipt = submitted(desk.tenant(), withContact);
        String reference = receipt.get("reference").asText();
        String id = api().get(desk.cases() + "?q=" + reference, new Api.Call().bearer(desk.handler())).json()
                .get("items").get(0).get("id").asText();
        desk.step(id, "request-information", body().put("question", "请说明该网站的具体网址与截图时间"));
        outbox().dispatch(Instant.now());

        List<ReceivedMail> toReporter = platform().environment().mail().receivedMessages().stream()
                .filter(m -> m.to().contains(reporter)).toList();
        assertThat(toReporter).singleElement().satisfies(m -> {
            assertThat(m.subject()).contains(reference);
            assertThat(m.text()).contains("回执码", "receipt code")
                    .doesNotContain("请说明该网站", "gambling.example", receipt.get("receiptCode").asText());
        });
    }

    @Test
    void aDeadlineInAYearWithoutHolidaysIsFlaggedAndTheAdminsAreWarnedOncePerYear() {
        // A consumer complaint's decision is due 60 calendar days after acceptance: from late 2026 on, that is in
        // 2027 or later, for which the shipped calendar has no holidays.
        CaseHandlingIT.Desk consumer = CaseHandlingIT.Desk.of("CONSUMER_COMPLAINTS");
        outbox().dispatch(Instant.now());
        List<String> years = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CaseHandlingIT.Submitted c = consumer.submit();
            JsonNode accepted = consumer.step(c.id(), "accept", body());
            JsonNode decide = CaseHandlingIT.deadline(accepted, "DECIDE", true);
            assertThat(decide.get("calendarIncomplete").asBoolean()).as(decide.toString()).isTrue();
            assertThat(accepted.get("calendarIncomplete").asBoolean()).isTrue();
            years.add(decide.get("dueDate").asText().substring(0, 4));
        }
        outbox().dispatch(Instant.now());
        List<ReceivedMail> warnings = platform().environment().mail().receivedMessages().stream()
                .filter(m -> m.to().contains(consumer.tenant().adminEmail()))
                .filter(m -> m.subject().contains("Calendar missing")).toList();
        assertThat(warnings).as("one warning per year, however many cases").hasSize(1);
        assertThat(warnings.getFirst().subject()).contains(years.getFirst());
        assertThat(warnings.getFirst().text()).contains("weekdays");
    }

    @Test
    void adminsAreRemindedOnceToAddNextYearsCalendarBeforeTheYearEnds() {
        Fixtures.TestTenant tenant = Fixtures.onboard("INTERNET_CONTENT"); // its calendar lists 2025 and 2026
        CalendarReminders reminders = CDI.current().select(CalendarReminders.class).get();
        outbox().dispatch(Instant.now());
        int before = remindersTo(tenant).size();

        reminders.run(Instant.parse("2026-06-01T02:00:00Z"));
        reminders.run(Instant.parse("2026-11-01T15:59:00Z")); // 2026-11-01 23:59 in Shanghai: 61 days before
        outbox().dispatch(Instant.now());
        assertThat(remindersTo(tenant)).as("too early: 2026 is listed and 2027 is months away").hasSize(before);

        reminders.run(Instant.parse("2026-11-01T16:00:00Z")); // 2026-11-02 00:00 in Shanghai: 60 days before
        reminders.run(Instant.parse("2026-12-20T02:00:00Z"));
        outbox().dispatch(Instant.now());
        List<ReceivedMail> reminded = remindersTo(tenant);
        assertThat(reminded).as("once, however often the job runs").hasSize(before + 1);
        assertThat(reminded.getLast().subject()).contains("2027");
        assertThat(reminded.getLast().text()).contains("next year", ".ics");
    }

    @Test
    void anUnreadableReporterContactFailsThatNotificationAloneAndTheRestIsSent() throws Exception {
        CaseHandlingIT.Desk consumer = CaseHandlingIT.Desk.of("CONSUMER_COMPLAINTS");
        ObjectNode withContact = report("web", "product-quality");
        withContact.putObject("contact").put("email", "reporter-" + System.nanoTime() + "@example.org");
        String reference = submitted(consumer.tenant(), withContact).get("reference").asText();
        String id = api().get(consumer.cases() + "?q=" + reference, new Api.Call().bearer(consumer.handler())).json()
                .get("items").get(0).get("id").asText();
        consumer.step(id, "request-information", body().put("question", "请提供订单号"));
        consumer.step(id, "flag", body().put("severity", "SERIOUS").put("urgent", false).put("reason", "多名消费者"));
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("update notifications set sealed_contact = '\\x00ff'::bytea "
                     + "where tenant_id = ?::uuid and audience = 'REPORTER'")) {
            s.setString(1, consumer.tenant().id());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }

        outbox().dispatch(Instant.now());

        assertThat(mailsAbout(consumer, reference)).as("the supervisors' alert still goes out").isNotEmpty();
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("select attempts, last_error, sent_at is null, next_attempt_at "
                     + "is not null from notifications where tenant_id = ?::uuid and audience = 'REPORTER'")) {
            s.setString(1, consumer.tenant().id());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getString(2)).as("the kind of failure only").doesNotContain("@").isNotBlank();
                assertThat(rs.getBoolean(3)).isTrue();
                assertThat(rs.getBoolean(4)).as("tried again later").isTrue();
            }
        }
    }

    private static List<ReceivedMail> remindersTo(Fixtures.TestTenant tenant) {
        return platform().environment().mail().receivedMessages().stream()
                .filter(m -> m.to().contains(tenant.adminEmail()))
                .filter(m -> m.subject().contains("Calendar missing")).toList();
    }

    private static Api api() {
        return Fixtures.api();
    }
}
