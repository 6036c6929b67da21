package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.qinglang.infra.dev.DemoTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.platform;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dev mode's demo body, seeded as {@code ./qinglang dev} seeds it: a year of cases written through the platform's
 * services under the seeding clock, then the three reports of today. What a newcomer sees must be real figures.
 */
class DemoBodyIT {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static DemoTenant.Seeded seeded;
    static String tenantId;

    @BeforeAll
    static void seedTheDemoBody() throws SQLException {
        List<String> progress = new ArrayList<>();
        Optional<DemoTenant.Seeded> written = DemoTenant.ensure(platform().endpoints(), progress::add);
        progress.forEach(line -> System.out.println("[demo] " + line));
        assertThat(written).isPresent();
        seeded = written.orElseThrow();
        tenantId = single("select id from tenants where slug = 'demo'");
        assertThat(DemoTenant.ensure(platform().endpoints(), progress::add)).as("a second start seeds nothing").isEmpty();
    }

    @Test
    void aYearOfReportsIsWrittenWithoutTheServicesRefusingAStep() throws SQLException {
        assertThat(seeded.refusedReports()).isZero();
        assertThat(seeded.reports()).isBetween(200, 450);
        assertThat(count("select count(*) from cases where tenant_id = '%s'")).isEqualTo(seeded.reports() + 3);
        LocalDate today = LocalDate.now(ZONE);
        Map<String, Long> perMonth = grouped("select to_char(received_at at time zone 'Asia/Shanghai', 'YYYY-MM'), count(*) "
                + "from cases where tenant_id = '%s' group by 1 order by 1");
        for (YearMonth m = YearMonth.from(today.minusMonths(11)); !m.isAfter(YearMonth.from(today)); m = m.plusMonths(1)) {
            assertThat(perMonth.getOrDefault(m.toString(), 0L)).as("reports in " + m).isPositive();
        }
        assertThat(single("select min(occurred_at) from audit_events where tenant_id = '%s'"))
                .as("the body joined a year ago").startsWith(today.minusYears(1).toString());
    }

    @Test
    void casesWentThroughEveryStateOfTheLifecycle() throws SQLException {
        Map<String, Long> events = grouped("select type, count(*) from case_events where tenant_id = '%s' group by type");
        assertThat(events.keySet()).contains("RECEIVED", "REGISTERED_BY_STAFF", "ACCEPTED", "REJECTED", "TRANSFERRED",
                "ASSIGNED", "INFORMATION_REQUESTED", "CLOCK_RESUMED", "PARTY_STATEMENT", "FLAGGED", "EXTENSION_REQUESTED",
                "EXTENSION_APPROVED", "EXTENSION_DENIED", "DECIDED", "CLOSED", "MERGED", "DUPLICATE_MERGED", "APPEALED",
                "REVIEW_UPHELD", "REVIEW_REVERSED", "REWARD_PROPOSED", "REWARD_APPROVED", "REWARD_CLAIMED", "REWARD_PAID");
        Map<String, Long> now = grouped("select status, count(*) from cases where tenant_id = '%s' group by status");
        assertThat(now.keySet()).contains("RECEIVED", "IN_PROGRESS", "CLOSED", "REJECTED", "TRANSFERRED", "MERGED");
        assertThat(now.get("CLOSED")).isGreaterThan(now.get("IN_PROGRESS"));
        assertThat(grouped("select outcome, count(*) from cases where tenant_id = '%s' and outcome is not null group by outcome"))
                .containsKeys("SUBSTANTIATED", "PARTLY_SUBSTANTIATED", "UNSUBSTANTIATED");
        Map<String, Long> rewards = grouped("select status, count(*) from rewards where tenant_id = '%s' group by status");
        assertThat(rewards).containsKey("PAID");
        assertThat(rewards.keySet()).as("rewards waiting to be claimed or paid").containsAnyOf("APPROVED", "CLAIMED");
    }

    @Test
    void someDecisionsWereLateAndSomeOpenCasesAreOverdueToday() throws SQLException {
        assertThat(count("select count(*) from case_deadlines where tenant_id = '%s' and stage = 'DECIDE' "
                + "and completed_at > due_at")).as("decided late").isPositive();
        assertThat(count("select count(*) from case_deadlines where tenant_id = '%s' and stage = 'DECIDE' "
                + "and completed_at <= due_at")).as("decided in time").isGreaterThan(100);
        assertThat(count("select count(*) from case_deadlines where tenant_id = '%s' and extended")).isPositive();
        assertThat(count("select count(*) from case_deadlines where tenant_id = '%s' and stage = 'DECIDE' "
                + "and completed_at is null and due_at < now()")).as("overdue today").isPositive();
    }

    @Test
    void theHandlersQueuesHoldAWorkingDaysShareNotTheYear() {
        String handler = api().token("handler@demo.qinglang.local", DemoTenant.PASSWORD);
        Api.Response response = api().get("/api/v1/tenants/demo/cases/queues", new Api.Call().bearer(handler));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Map<String, Long> counts = new LinkedHashMap<>();
        response.json().forEach(q -> counts.put(q.get("name").asText(), q.get("count").asLong()));
        System.out.println("[demo] the handler's queues: " + counts);
        assertThat(counts.get("unassigned")).as("today's three reports and the latest arrivals").isBetween(3L, 15L);
        assertThat(counts.get("mine")).isBetween(3L, 40L);
        assertThat(counts.get("overdue")).isBetween(1L, 15L);
        counts.values().forEach(n -> assertThat(n).isLessThan(50));
    }

    @Test
    void theLastFullQuarterAndMonthPublishRealFigures() {
        YearMonth lastMonth = YearMonth.now(ZONE).minusMonths(1);
        YearMonth inLastQuarter = YearMonth.now(ZONE).minusMonths(3);
        String quarter = inLastQuarter.getYear() + "-Q" + ((inLastQuarter.getMonthValue() + 2) / 3);
        for (String period : List.of(quarter, lastMonth.toString())) {
            Api.Response response = api().get("/api/v1/tenants/demo/statistics/" + period, Api.Call.anonymous());
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode figures = response.json();
            for (String measure : List.of("RECEIVED", "ACCEPTED", "CLOSED")) {
                assertThat(summary(figures, measure)).as(period + " " + measure).isPositive();
            }
            JsonNode decide = stage(figures, "DECIDE");
            assertThat(decide.get("completed").get("value").asLong()).as(period + " decisions").isPositive();
            assertThat(figures.get("medianHandlingHours").asDouble()).as(period + " median handling").isPositive();
            assertThat(figures.get("byChannel").findValues("value")).as(period + " by channel").isNotEmpty();
            assertThat(figures.get("byOutcome").findValues("value")).as(period + " by outcome").isNotEmpty();
        }
        long quarterReceived = summary(api().get("/api/v1/tenants/demo/statistics/" + quarter, Api.Call.anonymous()).json(),
                "RECEIVED");
        assertThat(quarterReceived).as("a quarter counts the reports received in it, in their months")
                .isEqualTo(countReceivedIn(inLastQuarter.minusMonths((inLastQuarter.getMonthValue() - 1) % 3), 3));
    }

    private static long summary(JsonNode figures, String measure) {
        for (JsonNode line : figures.get("summary")) {
            if (line.get("key").asText().equals(measure)) {
                return line.get("figure").path("value").asLong(-1);
            }
        }
        throw new AssertionError("no " + measure + " in " + figures);
    }

    private static JsonNode stage(JsonNode figures, String stage) {
        for (JsonNode line : figures.get("timeliness")) {
            if (line.get("stage").asText().equals(stage)) {
                return line;
            }
        }
        throw new AssertionError("no " + stage + " in " + figures);
    }

    private static long countReceivedIn(YearMonth first, int months) {
        try {
            return count("select count(*) from cases where tenant_id = '%s' and received_at >= '" + first.atDay(1)
                    + " 00:00 Asia/Shanghai' and received_at < '" + first.plusMonths(months).atDay(1) + " 00:00 Asia/Shanghai'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theAuditChainOfTheSeededYearVerifies() {
        String admin = api().token("admin@demo.qinglang.local", DemoTenant.PASSWORD);
        Fixtures.sealAudit(tenantId); // as dev mode's sequencer does within a second
        Api.Response verification = api().get("/api/v1/tenants/demo/audit/verification", new Api.Call().bearer(admin));
        assertThat(verification.status()).as(verification.body()).isEqualTo(200);
        assertThat(verification.json().get("intact").asBoolean()).as(verification.body()).isTrue();
        assertThat(verification.json().get("eventsVerified").asLong()).isGreaterThan(seeded.steps());
    }

    @Test
    void afterTheSeedingThePlatformTellsThePresentTime() {
        Api.Response receipt = api().postJson("/api/v1/tenants/demo/reports", Map.of("channel", "web", "category", "gambling",
                "subject", Map.of("type", "URL", "value", "https://bet.example/now"), "description", "现在 / now",
                "anonymity", "ANONYMOUS"), Api.Call.anonymous().from("198.51.100.7"));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        Instant received = Instant.parse(receipt.json().get("receivedAt").asText());
        assertThat(received).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));
    }

    private static long count(String sql) throws SQLException {
        return Long.parseLong(single(sql));
    }

    private static String single(String sql) throws SQLException {
        try (Connection c = platform().ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql.formatted(tenantId))) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static Map<String, Long> grouped(String sql) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = platform().ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql.formatted(tenantId))) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        return rows;
    }
}
