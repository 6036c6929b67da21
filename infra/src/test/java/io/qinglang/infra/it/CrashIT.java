package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash safety (issue 17, item 3): a second node of the platform runs as its own process against the same database,
 * Keycloak and mail server, and is killed ({@code SIGKILL}) while a client sends 1,000 reports, each retried with its
 * {@code Idempotency-Key} until it gets an answer; a new node takes its place. Afterwards there are exactly 1,000
 * cases, no duplicates, every receipt code finds its case and the audit chain verifies.
 */
class CrashIT {

    private static final int REPORTS = 1_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(Process::destroyForcibly);
    }

    @Test
    void aNodeKilledWhileReportsArriveLosesNoneAndDoublesNone() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("INTERNET_CONTENT");
        int port = freePort();
        Path log = Files.createTempFile("crash-node", ".log");
        Process first = node(port, log);
        Map<String, JsonNode> answers = new ConcurrentHashMap<>();
        AtomicInteger retries = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            String key = "crash-" + i + "-" + UUID.randomUUID();
            String report = Fixtures.report("web", "fraud").put("description", "崩溃测试 crash report " + i).toString();
            sent.add(clients.submit(() -> answers.put(key, sendUntilAnswered(port, body.slug(), key, report, retries))));
        }
        // kill the node once a third of the reports have their answer, mid-stream, and start another in its place
        while (answers.size() < REPORTS / 3) {
            Thread.sleep(20);
        }
        int answeredBeforeKill = answers.size();
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no transaction finished
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        node(port, log);
        for (Future<?> each : sent) {
            each.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();
        System.out.println("[crash] " + answeredBeforeKill + " answered before the kill, " + retries.get()
                + " retries in all");

        assertThat(answers).hasSize(REPORTS);
        Set<String> references = new HashSet<>();
        Set<String> receipts = new HashSet<>();
        answers.values().forEach(a -> {
            references.add(a.get("reference").asText());
            receipts.add(a.get("receiptCode").asText());
        });
        assertThat(references).as("one reference per report").hasSize(REPORTS);
        assertThat(receipts).hasSize(REPORTS);
        assertThat(Fixtures.rows("cases", body.id())).as("exactly the reports sent, none twice").isEqualTo(REPORTS);
        assertThat(Fixtures.rows("case_events", body.id(), "type = 'RECEIVED'")).isEqualTo(REPORTS);
        assertThat(Fixtures.rows("audit_events", body.id(), "action = 'CASE_RECEIVED'")).isEqualTo(REPORTS);
        assertThat(retries.get()).as("the kill was felt by the clients").isPositive();

        // every receipt finds its own case (asked of the new node, whose lookup limits suit a test of 1,000)
        Map<String, String> wrong = new LinkedHashMap<>();
        for (JsonNode answer : answers.values()) {
            HttpResponse<String> tracked = post(port, "/api/v1/tenants/" + body.slug() + "/tracking", null,
                    Api.object().put("receiptCode", answer.get("receiptCode").asText()).toString());
            String reference = tracked.statusCode() == 200 ? Api.JSON.readTree(tracked.body()).get("reference").asText() : "";
            if (!reference.equals(answer.get("reference").asText())) {
                wrong.put(answer.get("reference").asText(), tracked.statusCode() + " " + reference);
            }
        }
        assertThat(wrong).as("receipts that do not find their case").isEmpty();
        assertThat(CDI.current().select(AuditTrail.class).get().verify(new TenantId(UUID.fromString(body.id())))
                .intact()).as("the audit chain").isTrue();
    }

    @Test
    void notificationsWaitWhileTheMailServerIsAwayAndAreAllSentOnceItIsBack() throws Exception {
        CaseHandlingIT.Desk desk = CaseHandlingIT.Desk.of("INTERNET_CONTENT");
        EscalationIT.outbox().dispatch(java.time.Instant.now()); // what other tests left queued goes first
        io.qinglang.infra.dev.DevMail mail = Fixtures.platform().environment().mail();
        List<CaseHandlingIT.Submitted> flagged = new ArrayList<>();
        mail.pause();
        try {
            for (int i = 0; i < 3; i++) {
                CaseHandlingIT.Submitted c = desk.submit();
                desk.step(c.id(), "flag", CaseHandlingIT.body().put("severity", "SERIOUS").put("urgent", false)
                        .put("reason", "涉及多名用户，需主管关注"));
                flagged.add(c);
            }
            assertThat(EscalationIT.outbox().dispatch(java.time.Instant.now())).as("nothing can be sent").isZero();
            assertThat(Fixtures.rows("notifications", desk.tenant().id(), "kind = 'MAJOR_CASE' and sent_at is null"
                    + " and attempts >= 1 and last_error is not null")).as("each waits, its failure recorded").isEqualTo(3);
        } finally {
            mail.resume();
        }
        // the next attempts come after a pause: an hour later every one is due again
        assertThat(EscalationIT.outbox().dispatch(java.time.Instant.now().plus(Duration.ofHours(1)))).isEqualTo(3);
        for (CaseHandlingIT.Submitted c : flagged) {
            assertThat(EscalationIT.mailsAbout(desk, c.reference())).as(c.reference()).hasSize(1);
        }
        assertThat(EscalationIT.outbox().dispatch(java.time.Instant.now().plus(Duration.ofHours(2)))).as("none twice")
                .isZero();
        assertThat(Fixtures.rows("notifications", desk.tenant().id(), "sent_at is null")).isZero();
    }

    @Test
    void whileTheDatabaseIsAwayRequestsAre503WithRetryAfterAndTheServerRecoversByItself() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("INTERNET_CONTENT");
        String handler = body.staffToken("handler"); // tokens first: Keycloak keeps its data in the same database
        String slug = body.slug();
        assertThat(Fixtures.api().get("/health/ready", Api.Call.anonymous()).status()).isEqualTo(200);
        io.qinglang.infra.dev.DevPostgres postgres = Fixtures.platform().environment().postgres();
        postgres.pause();
        try {
            Map<String, Api.Response> answers = new LinkedHashMap<>();
            answers.put("intake", Fixtures.submit(body, Fixtures.report("web", "fraud"), Api.Call.anonymous()));
            answers.put("case list", Fixtures.api().get("/api/v1/tenants/" + slug + "/cases", new Api.Call().bearer(handler)));
            answers.put("tracking", Fixtures.api().postJson("/api/v1/tenants/" + slug + "/tracking",
                    Api.object().put("receiptCode", "ABCD-EFGH-JKMN-PQRS"), Api.Call.anonymous()));
            answers.put("statistics", Fixtures.api().get("/api/v1/tenants/" + slug + "/statistics", Api.Call.anonymous()));
            for (Map.Entry<String, Api.Response> answer : answers.entrySet()) {
                assertThat(answer.getValue().status()).as(answer.getKey() + ": " + answer.getValue().body()).isEqualTo(503);
                assertThat(answer.getValue().contentType()).as(answer.getKey()).startsWith("application/problem+json");
                assertThat(answer.getValue().json().get("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(answer.getValue().header("Retry-After")).as(answer.getKey()).isNotBlank();
            }
            Api.Response page = Fixtures.api().get("/t/" + slug, Api.Call.anonymous());
            assertThat(page.status()).as("the portal's page: " + page.body()).isEqualTo(503);
            Api.Response ready = Fixtures.api().get("/health/ready", Api.Call.anonymous());
            assertThat(ready.status()).as("readiness: " + ready.body()).isEqualTo(503);
            assertThat(ready.body()).contains("DOWN");
        } finally {
            postgres.resume();
        }
        Poll.until("the server is ready again", Duration.ofSeconds(60),
                () -> Fixtures.api().get("/health/ready", Api.Call.anonymous()).status(), status -> status == 200);
        keycloakHasItsDatabaseBack();
        assertThat(Fixtures.submit(body, Fixtures.report("web", "fraud"), Api.Call.anonymous()).status())
                .as("intake works again, without a restart").isEqualTo(201);
        assertThat(Fixtures.api().get("/api/v1/tenants/" + slug + "/cases", new Api.Call().bearer(handler)).status())
                .isEqualTo(200);
        assertThat(Fixtures.rows("cases", body.id())).as("nothing half-written while it was away").isEqualTo(1);
    }

    /**
     * Keycloak keeps its data in the same PostgreSQL: its pool still holds connections from before the restart, each
     * failing once before it is replaced. The tests after this one need it whole, so it is asked to create and delete an
     * organization until it has done so five times in a row.
     */
    private static void keycloakHasItsDatabaseBack() throws InterruptedException {
        var organizations = CDI.current().select(io.qinglang.admin.onboarding.application.OrganizationDirectory.class).get();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int inARow = 0;
        while (inARow < 5) {
            assertThat(System.nanoTime()).as("Keycloak works again within 90 s").isLessThan(deadline);
            try {
                String probe = "db-back-" + System.nanoTime();
                organizations.deleteOrganization(organizations.createOrganization(probe, probe));
                inARow++;
            } catch (RuntimeException e) {
                inARow = 0;
                Thread.sleep(200);
            }
        }
    }

    /** Sends the report until the platform answers it: a refused connection, a timeout or a 5xx is tried again. */
    private static JsonNode sendUntilAnswered(int port, String slug, String key, String report, AtomicInteger retries) {
        for (int attempt = 0; attempt < 600; attempt++) {
            try {
                HttpResponse<String> response = post(port, "/api/v1/tenants/" + slug + "/reports", key, report);
                if (response.statusCode() == 201) {
                    return Api.JSON.readTree(response.body());
                }
                if (response.statusCode() < 500) {
                    throw new AssertionError("report " + key + " refused: " + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                // the node is down or was killed mid-request: try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            retries.incrementAndGet();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("report " + key + " never answered");
    }

    private static HttpResponse<String> post(int port, String path, String idempotencyKey, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A node of the platform in its own JVM, configured as the test platform's (same database, Keycloak, mail and
     * keys), on its own port, with limits that let one client send 1,000 reports; returns once it is ready.
     */
    private Process node(int port, Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        System.getProperties().forEach((name, value) -> {
            String key = name.toString();
            if (key.startsWith("qinglang.") || key.startsWith("server.") || key.startsWith("mp.")
                    || key.startsWith("javax.net.")) {
                command.add("-D" + key + "=" + value);
            }
        });
        Map<String, String> node = Map.of("server.port", String.valueOf(port),
                "qinglang.intake.per-address-per-hour", "100000", "qinglang.intake.per-tenant-per-minute", "100000",
                "qinglang.intake.challenge", "off", "qinglang.tracking.per-address-per-minute", "100000",
                "qinglang.tracking.per-tenant-per-minute", "100000", "qinglang.tracking.challenge", "off",
                "qinglang.jobs.enabled", "false");
        node.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.qinglang.infra.server.Main");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        nodes.add(process);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the node started (its log: " + log + ")").isTrue();
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return process;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the node did not become ready within 120 s (its log: " + log + ")");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
