package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.onboard;
import static io.qinglang.infra.it.Fixtures.platform;
import static io.qinglang.infra.it.Fixtures.report;
import static io.qinglang.infra.it.Fixtures.submitted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's metrics (issue 19): served on the admin socket and nowhere else, each figure for the body it belongs
 * to, nothing of a report in them; and the W3C trace context of a request, continued from the caller's
 * {@code traceparent} when it is valid, in the request's log lines and its answer.
 */
class MetricsIT {

    private static final Duration FIGURES = Duration.ofSeconds(20);
    private static final String INTAKE_ROUTE = "/api/v1/tenants/{tenant}/reports";

    static Fixtures.TestTenant body;
    static Fixtures.TestTenant other;

    @BeforeAll
    static void twoBodies() {
        body = onboard("INTERNET_CONTENT");
        other = onboard("CONSUMER_COMPLAINTS");
    }

    @Test
    void aReportCountsForItsBodyOpensACaseThereAndLeavesTheOtherBodyAlone() throws Exception {
        Scrape before = scrape();
        // an urgent category: the supervisors' alert waits in the outbox (the tests run the outbox by hand)
        submitted(body, report("web", "self-harm"));

        Scrape after = Poll.until("the body's open case in the metrics", FIGURES, MetricsIT::scrape,
                s -> s.value("qinglang_cases_open", "tenant", body.slug()) >= 1);
        assertThat(after.value("qinglang_reports_received_total", "tenant", body.slug(), "origin", "public")
                - before.value("qinglang_reports_received_total", "tenant", body.slug(), "origin", "public")).isEqualTo(1);
        for (String figure : List.of("qinglang_reports_received_total", "qinglang_cases_open", "qinglang_mails_waiting")) {
            assertThat(after.value(figure, "tenant", other.slug())).as("the other body's " + figure)
                    .isEqualTo(before.value(figure, "tenant", other.slug()));
        }
        assertThat(after.samples("qinglang_cases_open", "tenant", other.slug())).as("every body is listed").hasSize(1);
        assertThat(after.value("qinglang_mails_waiting", "tenant", body.slug())).isGreaterThanOrEqualTo(1);
        assertThat(after.value("qinglang_jobs_backlog", "job", "outbox")).isGreaterThanOrEqualTo(1);
        assertThat(after.samples("qinglang_jobs_backlog_oldest_seconds", "job", "outbox")).singleElement()
                .satisfies(age -> assertThat(age).isGreaterThanOrEqualTo(0));
        assertThat(after.samples("qinglang_jobs_backlog", "job", "audit")).hasSize(1);
        assertThat(after.samples("qinglang_figures_age_seconds")).singleElement()
                .satisfies(age -> assertThat(age).isBetween(0.0, (double) FIGURES.toSeconds()));
    }

    @Test
    void requestsAreTimedByRouteTemplateMethodAndStatusNeverByTheirPath() {
        submitted(body, report("web", "gambling"));
        api().get("/api/v1/tenants/no-such-body-" + System.nanoTime() + "/public-configuration", Api.Call.anonymous());

        Scrape scrape = scrape();
        assertThat(scrape.value("qinglang_http_requests_seconds_count", "method", "POST", "route", INTAKE_ROUTE,
                "status", "201")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.samples("qinglang_http_requests_seconds_bucket", "route", INTAKE_ROUTE, "status", "201",
                "le", "0.1")).hasSize(1);
        assertThat(scrape.value("qinglang_http_requests_seconds_count", "method", "GET",
                "route", "/api/v1/tenants/{tenant}/public-configuration", "status", "404")).isGreaterThanOrEqualTo(1);
        assertThat(scrape.text()).doesNotContain("/tenants/" + body.slug()).doesNotContain("no-such-body-");
    }

    @Test
    void anOverdueCaseCountsAsOverdueForItsBodyOnly() throws Exception {
        JsonNode receipt = submitted(other, report("web", "price"));
        try (Connection db = platform().ownerConnection(); PreparedStatement overdue = db.prepareStatement(
                "update case_deadlines set due_at = now() - interval '1 day' where completed_at is null "
                        + "and case_id = (select id from cases where tenant_id = ?::uuid and reference = ?)")) {
            overdue.setString(1, other.id());
            overdue.setString(2, receipt.get("reference").asText());
            assertThat(overdue.executeUpdate()).isPositive();
        }
        Scrape scrape = Poll.until("the overdue case in the metrics", FIGURES, MetricsIT::scrape,
                s -> s.value("qinglang_cases_overdue", "tenant", other.slug()) >= 1);
        assertThat(scrape.value("qinglang_cases_overdue", "tenant", body.slug())).isZero();
    }

    @Test
    void theConnectionPoolsAndTheJvmAreMeasured() {
        Scrape scrape = scrape();
        assertThat(scrape.value("hikaricp_connections_max", "pool", "qinglang")).isEqualTo(10);
        assertThat(scrape.samples("hikaricp_connections_active", "pool", "qinglang")).hasSize(1);
        assertThat(scrape.samples("hikaricp_connections_pending", "pool", "qinglang")).hasSize(1);
        assertThat(scrape.value("hikaricp_connections_acquire_seconds_count", "pool", "qinglang")).isPositive();
        assertThat(scrape.samples("hikaricp_connections_max", "pool", "qinglang-references")).hasSize(1);
        assertThat(scrape.text()).contains("qinglang_jobs_last_run_timestamp_seconds{");
    }

    /**
     * Metrics are the operator's: the public port (the portal and the API, where tenants and reporters come) does not
     * serve them, not even to a body's admin; the admin socket serves them and nothing of the API or the portal.
     */
    @Test
    void metricsAreServedOnTheAdminSocketOnlyAndHealthStaysOnThePublicPort() {
        for (Api.Call call : List.of(Api.Call.anonymous(), Api.Call.anonymous().bearer(body.adminToken()))) {
            Api.Response metrics = api().get("/metrics", call);
            assertThat(metrics.status()).isEqualTo(404);
            assertThat(metrics.body()).doesNotContain("qinglang_").doesNotContain("hikaricp");
        }
        assertThat(api().get("/health/ready", Api.Call.anonymous()).status()).isEqualTo(200);

        Api admin = platform().adminApi();
        Api.Response metrics = admin.get("/metrics", Api.Call.anonymous());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(admin.get("/api/v1/tenants/" + body.slug() + "/public-configuration", Api.Call.anonymous()).status())
                .isEqualTo(404);
        assertThat(admin.get("/", Api.Call.anonymous()).status()).isEqualTo(404);
    }

    /** Reporter protection: not a receipt code, not a reference, not a word of a report reaches the metrics. */
    @Test
    void theMetricsCarryNothingOfAReport() throws Exception {
        JsonNode receipt = submitted(body, report("web", "gambling"));
        Scrape scrape = Poll.until("the report in the figures", FIGURES, MetricsIT::scrape,
                s -> s.value("qinglang_cases_open", "tenant", body.slug()) >= 1);
        assertThat(scrape.text()).doesNotContain(receipt.get("reference").asText())
                .doesNotContain("gambling.example").doesNotContain("赌博").doesNotContain(body.id());
        platform().issuedSecrets().forEach(secret -> assertThat(scrape.text()).doesNotContain(secret));
    }

    @Test
    void aCallersTraceIdNamesItsRequestInTheLogAndTheAnswer() throws Exception {
        String traceId = hex(32);
        String caller = "00-" + traceId + "-" + hex(16) + "-01";
        String path = "/api/v1/tenants/" + body.slug() + "/public-configuration";

        Api.Response answer = api().get(path, Api.Call.anonymous().header("traceparent", caller));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01").isNotEqualTo(caller);
        // the answer's access line: a JAX-RS application tried before the one that serves the path logs its own 404
        // for the same request, first or not depending on the applications' order, which varies between runs
        String line = Poll.until("the access line", Duration.ofSeconds(5), () -> accessLine(path + " 200", traceId),
                l -> l != null);
        assertThat(line).contains("\"trace\":\"" + traceId + "\"").contains(" 200 ");

        Api.Response refused = api().get("/api/v1/tenants/no-such-body/public-configuration",
                Api.Call.anonymous().header("traceparent", "00-" + traceId + "-" + hex(16) + "-00"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("traceId").asText()).isEqualTo(traceId);
    }

    @Test
    void aMalformedTraceparentStartsANewTraceAndBreaksNothing() throws Exception {
        String traceId = hex(32);
        for (String malformed : List.of("garbage", "00-" + traceId.toUpperCase() + "-" + hex(16) + "-01",
                "00-" + "0".repeat(32) + "-" + hex(16) + "-01", "00-" + traceId + "-" + "0".repeat(16) + "-01",
                "ff-" + traceId + "-" + hex(16) + "-01", "00-" + traceId + "-" + hex(16) + "-01-extra",
                "00-" + traceId + "-" + hex(16) + "-01\"}{\"x\":\"")) {
            Api.Response answer = submit(Api.Call.anonymous().header("traceparent", malformed));
            assertThat(answer.status()).as(malformed).isEqualTo(201);
            String fresh = answer.header("traceparent");
            assertThat(fresh).as(malformed).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00").doesNotContain(traceId);
            String freshId = fresh.substring(3, 35);
            assertThat(Poll.until("the access line", Duration.ofSeconds(5),
                    () -> accessLine("/api/v1/tenants/" + body.slug() + "/reports", freshId), l -> l != null)).isNotNull();
        }
        assertThat(platform().logs().lines()).noneMatch(l -> l.contains(traceId));
        assertThat(submit(Api.Call.anonymous()).header("traceparent")).as("no header, a new trace")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
    }

    private static Api.Response submit(Api.Call call) {
        return api().remembering(api().postJson("/api/v1/tenants/" + body.slug() + "/reports", report("web", "fraud"),
                call));
    }

    private static String accessLine(String path, String traceId) {
        return platform().logs().lines().stream().filter(l -> l.contains("\"logger\":\"io.qinglang.access\""))
                .filter(l -> l.contains(path + " ") && l.contains("\"trace\":\"" + traceId + "\""))
                .findFirst().orElse(null);
    }

    /** Random lower-case hex digits: an id no other request of the run carries. */
    private static String hex(int digits) {
        byte[] bytes = new byte[digits / 2];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Scrape scrape() {
        Api.Response response = platform().adminApi().get("/metrics", Api.Call.anonymous());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return new Scrape(response.body());
    }

    /** A scrape in Prometheus' text format: each sample's name, labels and value. */
    record Scrape(String text, List<Sample> all) {

        private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        record Sample(String name, Map<String, String> labels, double value) {
        }

        Scrape(String text) {
            this(text, parse(text));
        }

        private static List<Sample> parse(String text) {
            List<Sample> samples = new ArrayList<>();
            for (String line : text.split("\n")) {
                Matcher sample = SAMPLE.matcher(line);
                if (line.startsWith("#") || !sample.matches()) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>();
                Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
            }
            return samples;
        }

        /** The values of the samples named {@code name} that carry the labels given (as name, value, name, value…). */
        List<Double> samples(String name, String... labels) {
            return all.stream().filter(s -> s.name().equals(name)).filter(s -> {
                for (int i = 0; i < labels.length; i += 2) {
                    if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                        return false;
                    }
                }
                return true;
            }).map(Sample::value).toList();
        }

        /** Their sum: 0 when there is none. */
        double value(String name, String... labels) {
            return samples(name, labels).stream().mapToDouble(Double::doubleValue).sum();
        }
    }
}
