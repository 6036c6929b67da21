package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.qinglang.admin.disclosure.application.DisclosureWorker;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.audit.domain.ChainVerification;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
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
    private static final String CLIENT_ADDRESS = "192.0.2.201";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Nodes nodes = new Nodes();

    @AfterEach
    void stopNodes() {
        nodes.close();
    }

    @Test
    void aNodeKilledWhileReportsArriveLosesNoneAndDoublesNone() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("INTERNET_CONTENT");
        int port = freePort();
        Path log = Files.createTempFile("crash-node", ".log");
        // the nodes seal the audit trail as it grows, so the kill may also fall mid-seal
        Map<String, String> sealing = Map.of("qinglang.audit.seal-interval-ms", "200");
        Process first = node(port, log, sealing);
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
        node(port, log, sealing);
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
            HttpResponse<String> tracked = post(port, "/api/v1/tenants/" + body.slug() + "/tracking",
                    Api.object().put("receiptCode", answer.get("receiptCode").asText()).toString());
            String reference = tracked.statusCode() == 200 ? Api.JSON.readTree(tracked.body()).get("reference").asText() : "";
            if (!reference.equals(answer.get("reference").asText())) {
                wrong.put(answer.get("reference").asText(), tracked.statusCode() + " " + reference);
            }
        }
        assertThat(wrong).as("receipts that do not find their case").isEmpty();
        Fixtures.sealAudit(body); // what the new node had not sealed yet
        ChainVerification chain = CDI.current().select(AuditTrail.class).get().verify(new TenantId(UUID.fromString(body.id())));
        assertThat(chain.intact()).as("the audit chain").isTrue();
        assertThat(chain.eventsVerified()).as("every event sealed, once").isEqualTo(REPORTS + 1);
    }

    @Test
    void aSequencerKilledMidBatchSealsNothingOfItAndTheNextSealsEveryEventOnceInTheOrderWritten() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("INTERNET_CONTENT");
        for (int i = 0; i < 4; i++) {
            Fixtures.submitted(body, Fixtures.report("web", "fraud"));
        }
        // a node that only seals, five times a second
        Process sequencer = node(freePort(), Files.createTempFile("crash-sequencer", ".log"),
                Map.of("qinglang.audit.seal-interval-ms", "200", "qinglang.jobs.only", "audit"));
        Poll.until("the node sealed what waited", Duration.ofSeconds(10), () -> waiting(body), n -> n == 0);

        try (Connection lock = Fixtures.platform().ownerConnection()) {
            // 20 more events, while this test holds the chain so that the node cannot seal them as they come
            String chain = "hashtextextended('audit:' || '" + body.id() + "', 0)";
            lock.createStatement().execute("select pg_advisory_lock(" + chain + ")");
            for (int i = 0; i < 20; i++) {
                Fixtures.submitted(body, Fixtures.report("web", "fraud"));
            }
            // then the sequencer seals the first ten of the 20 and waits on the 11th, which this test holds: killed there
            lock.setAutoCommit(false);
            lock.createStatement().execute("select id from audit_events where tenant_id = '" + body.id()
                    + "' and seq is null order by id offset 10 limit 1 for update");
            lock.createStatement().execute("select pg_advisory_unlock(" + chain + ")");
            Poll.until("the sequencer is mid-batch", Duration.ofSeconds(30), CrashIT::sealing, n -> n > 0);
            sequencer.destroyForcibly(); // SIGKILL mid-batch
            assertThat(sequencer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            lock.rollback();
        }
        Poll.until("the killed node's transaction is gone", Duration.ofSeconds(30), CrashIT::sealing, n -> n == 0);
        assertThat(waiting(body)).as("the killed batch sealed nothing").isEqualTo(20);

        assertThat(Fixtures.sealAudit(body)).isEqualTo(20);
        ChainVerification chain = CDI.current().select(AuditTrail.class).get().verify(new TenantId(UUID.fromString(body.id())));
        assertThat(chain.intact()).isTrue();
        assertThat(chain.eventsVerified()).as("nothing lost, nothing twice").isEqualTo(25);
        assertThat(chain.eventsWaiting()).isZero();
        assertThat(AuditTrailIT.sealedInWriteOrder(body)).as("nothing reordered").isTrue();
        assertThat(Fixtures.rows("audit_events", body.id(), "action = 'CASE_RECEIVED'")).isEqualTo(24);
    }

    /** The tenant's audit events waiting to be sealed. */
    private static long waiting(Fixtures.TestTenant body) {
        return Fixtures.rows("audit_events", body.id(), "seq is null");
    }

    /** How many connections wait to seal an audit event. */
    private static long sealing() {
        return waitingToRun("update audit_events");
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
            // sent at once: each waits for the database as long as the server lets it (5 s) before its answer
            Map<String, java.util.function.Supplier<Api.Response>> requests = new LinkedHashMap<>();
            requests.put("intake", () -> Fixtures.submit(body, Fixtures.report("web", "fraud"), Api.Call.anonymous()));
            requests.put("case list", () -> Fixtures.api().get("/api/v1/tenants/" + slug + "/cases",
                    new Api.Call().bearer(handler)));
            requests.put("tracking", () -> Fixtures.api().postJson("/api/v1/tenants/" + slug + "/tracking",
                    Api.object().put("receiptCode", "ABCD-EFGH-JKMN-PQRS"), Api.Call.anonymous()));
            requests.put("statistics", () -> Fixtures.api().get("/api/v1/tenants/" + slug + "/statistics",
                    Api.Call.anonymous()));
            requests.put("page", () -> Fixtures.api().get("/t/" + slug, Api.Call.anonymous()));
            requests.put("readiness", () -> Fixtures.api().get("/health/ready", Api.Call.anonymous()));
            Map<String, java.util.concurrent.CompletableFuture<Api.Response>> sent = new LinkedHashMap<>();
            requests.forEach((what, request) -> sent.put(what, java.util.concurrent.CompletableFuture.supplyAsync(request)));
            Map<String, Api.Response> answers = new LinkedHashMap<>();
            for (Map.Entry<String, java.util.concurrent.CompletableFuture<Api.Response>> each : sent.entrySet()) {
                answers.put(each.getKey(), each.getValue().get(60, TimeUnit.SECONDS));
            }
            Api.Response page = answers.remove("page");
            Api.Response ready = answers.remove("readiness");
            for (Map.Entry<String, Api.Response> answer : answers.entrySet()) {
                assertThat(answer.getValue().status()).as(answer.getKey() + ": " + answer.getValue().body()).isEqualTo(503);
                assertThat(answer.getValue().contentType()).as(answer.getKey()).startsWith("application/problem+json");
                assertThat(answer.getValue().json().get("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(answer.getValue().header("Retry-After")).as(answer.getKey()).isNotBlank();
            }
            assertThat(page.status()).as("the portal's page: " + page.body()).isEqualTo(503);
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

    @Test
    void aNodeKilledWhileMakingADisclosureReportLeavesItToAnotherWhichMakesItOnce() throws Exception {
        Fixtures.TestTenant body = Fixtures.onboard("INTERNET_CONTENT");
        String admin = body.adminToken();
        int port = freePort();
        Path log = Files.createTempFile("crash-report-node", ".log");
        Process node = node(port, log, Map.of());
        String id;
        String firstMaker;
        try (Connection lock = Fixtures.platform().ownerConnection()) {
            // the node may make the report but not store it: it is killed with the report's files made and unstored
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table disclosure_documents in exclusive mode");
            HttpResponse<String> asked = post(port, "/api/v1/tenants/" + body.slug() + "/disclosure-reports",
                    Api.object().put("period", "2025-03").toString(), "Authorization", "Bearer " + admin);
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
            id = Api.JSON.readTree(asked.body()).get("id").asText();
            Poll.until("the node is storing the report's files", Duration.ofSeconds(90), CrashIT::storing,
                    waiting -> waiting > 0);
            Map<String, Object> report = report(id);
            assertThat(report).containsEntry("state", "GENERATING").containsEntry("attempts", 1);
            firstMaker = (String) report.get("claimed_by");
            node.destroyForcibly(); // SIGKILL mid-way
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
            lock.rollback();
        }
        // the killed node's transaction is undone: nothing of it is stored
        Poll.until("the killed node's connection is gone", Duration.ofSeconds(30), CrashIT::storing,
                waiting -> waiting == 0);
        assertThat(Fixtures.rows("disclosure_documents", body.id())).isZero();

        // its lease (ten minutes) runs out: moved into the past here rather than waited for
        try (Connection c = Fixtures.platform().ownerConnection();
             PreparedStatement expire = c.prepareStatement("update disclosure_reports set lease_until = now() - "
                     + "interval '1 second' where id = ?::uuid and state = 'GENERATING'")) {
            expire.setString(1, id);
            assertThat(expire.executeUpdate()).isEqualTo(1);
        }
        DisclosureWorker worker = CDI.current().select(DisclosureWorker.class).get();
        worker.wake();
        JsonNode ready = DisclosureIT.ready(body, Api.object().put("id", id), new Api.Call().bearer(admin));
        Map<String, Object> made = report(id);
        assertThat(made).containsEntry("state", "READY").containsEntry("attempts", 2)
                .containsEntry("claimed_by", worker.node());
        assertThat(worker.node()).isNotEqualTo(firstMaker);
        assertThat(Fixtures.rows("disclosure_reports", body.id())).as("one report, made once").isEqualTo(1);
        try (Connection c = Fixtures.platform().ownerConnection();
             PreparedStatement files = c.prepareStatement("select count(*), count(distinct edition) from "
                     + "disclosure_documents where report_id = ?::uuid")) {
            files.setString(1, id);
            try (var row = files.executeQuery()) {
                row.next();
                assertThat(row.getInt(1)).as("each file once").isEqualTo(row.getInt(2))
                        .isEqualTo(ready.get("documents").size()).isPositive();
            }
        }
        assertThat(DisclosureIT.download(body, ready, "zh-CN", new Api.Call().bearer(admin))).startsWith("%PDF".getBytes());
    }

    /** How many connections wait to write a disclosure report's files. */
    private static long storing() {
        return waitingToRun("insert into disclosure_documents");
    }

    /** How many connections wait for a lock to run a statement that starts so. */
    private static long waitingToRun(String statement) {
        try (Connection c = Fixtures.platform().ownerConnection();
             var rows = c.createStatement().executeQuery("select count(*) from pg_stat_activity where wait_event_type = "
                     + "'Lock' and query like '" + statement + "%'")) {
            rows.next();
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> report(String id) throws java.sql.SQLException {
        try (Connection c = Fixtures.platform().ownerConnection();
             PreparedStatement select = c.prepareStatement("select state, attempts, claimed_by from disclosure_reports "
                     + "where id = ?::uuid")) {
            select.setString(1, id);
            try (var row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("state", row.getString(1));
                report.put("attempts", row.getInt(2));
                report.put("claimed_by", row.getString(3));
                return report;
            }
        }
    }

    @Test
    void aNodeKilledWhileSendingTheOutboxLeavesTheRestToAnotherAndOnlyTheMailInFlightGoesTwiceWithItsMessageId()
            throws Exception {
        CaseHandlingIT.Desk desk = CaseHandlingIT.Desk.of("INTERNET_CONTENT");
        EscalationIT.outbox().dispatch(Instant.now().plus(Duration.ofDays(1))); // what other tests left goes first
        Instant start = Instant.now(); // the staff's invitations from Keycloak came before
        for (int i = 0; i < 6; i++) {
            CaseHandlingIT.Submitted c = desk.submit();
            desk.step(c.id(), "flag", CaseHandlingIT.body().put("severity", "SERIOUS").put("urgent", false)
                    .put("reason", "涉及多名用户，需主管关注"));
        }
        List<String> notifications = notifications(desk.tenant().id());
        assertThat(notifications).hasSize(6);
        io.qinglang.infra.dev.DevMail mail = Fixtures.platform().environment().mail();
        String domain = "@" + desk.tenant().slug() + ".example";
        Path log = Files.createTempFile("crash-outbox-node", ".log");
        try (SmtpHold hold = SmtpHold.start(mail.port(), domain, 3)) {
            // a node that sends the outbox every second, through a relay that withholds the reply to the third mail
            Process node = node(freePort(), log, Map.of("qinglang.mail.port", String.valueOf(hold.port()),
                    "qinglang.jobs.enabled", "true", "qinglang.jobs.only", "outbox", "qinglang.jobs.interval-seconds", "1"));
            assertThat(hold.holding(Duration.ofSeconds(60))).as("the node sends (its log: " + log + ")").isTrue();
            Poll.until("the mail server has the third mail", Duration.ofSeconds(5), () -> ours(mail, domain, start).size(),
                    taken -> taken == 3);
            node.destroyForcibly(); // SIGKILL before it hears that the third mail was taken
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        long recorded = Fixtures.rows("notifications", desk.tenant().id(), "kind = 'MAJOR_CASE' and sent_at is not null");
        assertThat(recorded).as("each mail sent is recorded at once, not at the end of the batch").isBetween(1L, 5L);

        // the lease of what the killed node held runs out after ten minutes: then this node sends the rest
        assertThat(EscalationIT.outbox().dispatch(Instant.now().plus(Duration.ofMinutes(11)))).isEqualTo(6 - recorded);
        assertThat(EscalationIT.outbox().dispatch(Instant.now().plus(Duration.ofHours(2)))).as("none again").isZero();
        assertThat(Fixtures.rows("notifications", desk.tenant().id(), "sent_at is null")).isZero();

        Map<String, Map<String, Integer>> received = new LinkedHashMap<>(); // Message-ID -> recipient -> mails
        for (io.qinglang.infra.dev.ReceivedMail m : ours(mail, domain, start)) {
            received.computeIfAbsent(m.messageId(), k -> new LinkedHashMap<>()).merge(String.join(",", m.to()), 1, Integer::sum);
        }
        assertThat(received.keySet().stream().map(messageId -> messageId.replaceAll("^<|@.*$", "")).toList())
                .as("one Message-ID per notification, its id").containsExactlyInAnyOrderElementsOf(notifications);
        List<String> twice = received.entrySet().stream().filter(e -> e.getValue().values().stream().anyMatch(k -> k > 1))
                .map(Map.Entry::getKey).toList();
        assertThat(twice).as("only the mail in flight at the kill went twice, under one Message-ID").hasSize(1);
        assertThat(received.get(twice.getFirst()).values()).allMatch(k -> k <= 2);
    }

    /** The ids of the tenant's notifications that wait to be sent. */
    private static List<String> notifications(String tenantId) throws java.sql.SQLException {
        try (Connection c = Fixtures.platform().ownerConnection();
             PreparedStatement select = c.prepareStatement("select id from notifications where tenant_id = ?::uuid "
                     + "and sent_at is null order by created_at")) {
            select.setString(1, tenantId);
            List<String> ids = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** The mails to the body's staff since {@code start}. */
    private static List<io.qinglang.infra.dev.ReceivedMail> ours(io.qinglang.infra.dev.DevMail mail, String domain,
                                                                 Instant start) {
        return mail.receivedMessages().stream().filter(m -> !m.received().isBefore(start))
                .filter(m -> m.to().stream().allMatch(a -> a.endsWith(domain))).toList();
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
                HttpResponse<String> response = post(port, "/api/v1/tenants/" + slug + "/reports", report,
                        "Idempotency-Key", key);
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

    /**
     * A JSON POST to the node on {@code port}, with the headers given (name, value, …), from this test's own client
     * address: the rate limits are shared with every node, and this one's generous limits are not the others'.
     */
    private static HttpResponse<String> post(int port, String path, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", CLIENT_ADDRESS)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A node of the platform in its own JVM ({@link Nodes}), on its own port, with limits that let one client send 1,000
     * reports, no background jobs and then {@code settings}; returns once it is ready.
     */
    private Process node(int port, Path log, Map<String, String> settings) throws Exception {
        Map<String, String> node = new LinkedHashMap<>(Map.of(
                "qinglang.intake.per-address-per-hour", "100000", "qinglang.intake.per-tenant-per-minute", "100000",
                "qinglang.intake.challenge", "off", "qinglang.tracking.per-address-per-minute", "100000",
                "qinglang.tracking.per-tenant-per-minute", "100000", "qinglang.tracking.challenge", "off",
                "qinglang.jobs.enabled", "false"));
        node.putAll(settings);
        return nodes.start(port, log, node);
    }

    private static int freePort() throws IOException {
        return Nodes.freePort();
    }
}
