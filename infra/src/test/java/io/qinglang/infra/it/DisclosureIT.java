package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.qinglang.admin.disclosure.application.DisclosureGeneration;
import io.qinglang.admin.disclosure.application.DisclosureWorker;
import io.qinglang.admin.disclosure.report.ReportText;
import io.qinglang.platform.audit.domain.ChainHead;
import io.qinglang.platform.audit.domain.ChainLink;
import io.qinglang.platform.disclosure.domain.DisclosureArchive;
import io.qinglang.platform.disclosure.domain.DisclosureReport;
import io.qinglang.platform.disclosure.domain.ReportEdition;
import io.qinglang.platform.disclosure.domain.StoredDocument;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.inject.spi.CDI;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisclosureIT {

    /** Where the reports made here are left, to be rendered and looked at (pdftoppm). */
    static final Path OUT = Path.of("target", "disclosure-reports");

    @Test
    void aReportPrintsEveryFigureOfTheStatisticsApiInBothLanguagesAndItsCsvHoldsThemAll() throws Exception {
        Fixtures.TestTenant tenant = Fixtures.onboard("INTERNET_CONTENT");
        JsonNode configuration = api().get(base(tenant.slug()).replace("disclosure-reports", "public-configuration"),
                Api.Call.anonymous()).json();
        List<String> channels = configuration.get("channels").findValuesAsText("code").subList(0, 2);
        List<String> categories = configuration.get("categories").findValuesAsText("code").subList(0, 3);
        StatisticsIT.craftYear(tenant, channels, categories);
        Api.Call admin = new Api.Call().bearer(tenant.adminToken());
        assertThat(api().send("PUT", "/api/v1/tenants/" + tenant.slug() + "/configuration/disclosure/logo", logo(),
                "image/png", admin).status()).isEqualTo(200);
        Files.createDirectories(OUT);

        int hiddenSeen = 0;
        for (String period : List.of("2025-03", "2025")) {
            JsonNode report = ready(tenant, request(tenant, period, admin), admin);
            assertThat(report.get("version").asInt()).isEqualTo(1);
            assertThat(report.get("progress").asInt()).isEqualTo(100);
            assertThat(report.get("origin").asText()).isEqualTo("ON_DEMAND");
            JsonNode stats = api().get("/api/v1/tenants/" + tenant.slug() + "/statistics/" + period, Api.Call.anonymous()).json();
            for (String edition : List.of("zh-CN", "en")) {
                byte[] pdf = download(tenant, report, edition, admin);
                Files.write(OUT.resolve(tenant.slug() + "-" + period + "-" + edition + ".pdf"), pdf);
                List<String> lines = ReportText.lines(pdf);
                hiddenSeen += assertEveryFigure(stats, lines, edition.equals("zh-CN"));
                assertThat(lines).noneMatch(l -> l.contains("\uFFFD") || l.contains("??"));
                assertFontsEmbeddedAsSubsets(pdf);
            }
            List<String> zh = ReportText.lines(download(tenant, report, "zh-CN", admin));
            assertThat(String.join("", zh)).contains("投诉举报受理处置情况公开报告", "测试机构 " + tenant.slug(),
                    "一、总体情况", "二、按举报渠道", "五、办理时效", "公开承诺：举报渠道与办理时限", "数据说明");
            String apiCsv = api().get("/api/v1/tenants/" + tenant.slug() + "/statistics/" + period + ".csv",
                    Api.Call.anonymous()).body();
            String reportCsv = new String(download(tenant, report, "csv", admin), StandardCharsets.UTF_8);
            assertThat(reportCsv).startsWith("\uFEFF" + apiCsv).contains(",deadlines,", ",channels,");
        }
        assertThat(hiddenSeen).as("suppressed cells checked in the reports").isGreaterThan(10);
        // made on demand, not published until an admin says so
        assertThat(api().get(publicBase(tenant.slug()), Api.Call.anonymous()).json()).isEmpty();
    }

    @Test
    void twoNodesSchedulingAtOnceMakeEachPeriodsReportOnceAndPublishIt() throws Exception {
        List<Fixtures.TestTenant> tenants = List.of(Fixtures.onboard("INTERNET_CONTENT"), Fixtures.onboard("EU_WHISTLEBLOWING"));
        for (Fixtures.TestTenant t : tenants) {
            backdate(t);
        }
        DisclosureGeneration generation = CDI.current().select(DisclosureGeneration.class).get();
        for (int round = 0; round < 3; round++) {
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            List<Future<Integer>> made = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                made.add(nodes.submit(() -> {
                    together.await();
                    generation.schedule();
                    return generation.generateQueued(node);
                }));
            }
            for (Future<Integer> f : made) {
                f.get();
            }
            nodes.shutdown();
        }
        for (Fixtures.TestTenant t : tenants) {
            // defaults: monthly and yearly reports; the latest closed month and year
            List<Map<String, Object>> rows = reportRows(t);
            assertThat(rows).as(t.slug()).hasSize(2);
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.get("origin")).isEqualTo("SCHEDULED");
                assertThat(r.get("state")).isEqualTo("READY");
                assertThat(r.get("attempts")).as("made once").isEqualTo(1);
                assertThat(r.get("version")).isEqualTo(1);
                assertThat(r.get("documents")).isEqualTo(3L);
                assertThat(r.get("published")).isEqualTo(true);
            });
            JsonNode published = api().get(publicBase(t.slug()), Api.Call.anonymous()).json();
            assertThat(published).hasSize(2);
            for (JsonNode report : published) {
                for (JsonNode document : report.get("documents")) {
                    Api.Response file = api().get(publicBase(t.slug()) + "/" + report.get("id").asText() + "/"
                            + document.get("edition").asText(), Api.Call.anonymous());
                    assertThat(file.status()).isEqualTo(200);
                    assertThat(StoredDocument.sha256(file.bytes())).isEqualTo(document.get("sha256").asText())
                            .isEqualTo(file.header("X-Content-SHA256"));
                    assertThat(file.header("Content-Disposition")).contains(t.slug() + "-disclosure-");
                }
            }
            Api.Response page = api().get("/t/" + t.slug() + "/disclosures?lang=en", Api.Call.anonymous());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Chinese PDF", "English PDF", published.get(0).get("documents").get(0).get("sha256").asText());
        }
        // the EU template's report carries the transparency metrics
        JsonNode eu = api().get(publicBase(tenants.get(1).slug()), Api.Call.anonymous()).json().get(0);
        List<String> lines = ReportText.lines(api().get(publicBase(tenants.get(1).slug()) + "/" + eu.get("id").asText() + "/en",
                Api.Call.anonymous()).bytes());
        assertThat(lines).contains("8. EU Digital Services Act transparency metrics");
    }

    @Test
    void badRequestsAreRefusedWithProblemDetailsAndWriteNothing() throws Exception {
        Fixtures.TestTenant tenant = Fixtures.onboard("INTERNET_CONTENT");
        Fixtures.TestTenant other = Fixtures.onboard("INTERNET_CONTENT");
        Api.Call admin = new Api.Call().bearer(tenant.adminToken());
        String thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        record Bad(String body, int status, String code) {
        }
        for (Bad bad : List.of(new Bad("{\"period\":\"" + thisMonth + "\"}", 400, "PERIOD_NOT_CLOSED"),
                new Bad("{\"period\":\"2099\"}", 400, "PERIOD_NOT_CLOSED"),
                new Bad("{\"period\":\"1999\"}", 400, "PERIOD_INVALID"),
                new Bad("{\"period\":\"2026-W40\"}", 400, "PERIOD_INVALID"),
                new Bad("{\"period\":\"2025-13\"}", 400, "PERIOD_INVALID"),
                new Bad("{}", 400, "PERIOD_INVALID"),
                new Bad("{\"period\":", 400, null),
                new Bad("[1]", 400, null))) {
            Api.Response r = api().postBytes(base(tenant.slug()), bad.body().getBytes(StandardCharsets.UTF_8),
                    "application/json", admin);
            assertThat(r.status()).as(bad.body() + " → " + r.body()).isEqualTo(bad.status());
            assertThat(r.contentType()).startsWith("application/problem+json");
            if (bad.code() != null) {
                assertThat(r.json().get("code").asText()).isEqualTo(bad.code());
                assertThat(r.body()).contains("/period");
            }
        }
        assertThat(Fixtures.rows("disclosure_reports", tenant.id())).as("nothing written").isZero();

        JsonNode report = ready(tenant, request(tenant, "2025-06", admin), admin);
        String one = base(tenant.slug()) + "/" + report.get("id").asText();
        Api.Call otherAdmin = new Api.Call().bearer(other.adminToken());
        // another tenant's report: as if it did not exist, through either tenant's path
        assertThat(api().get(base(other.slug()) + "/" + report.get("id").asText(), otherAdmin).status()).isEqualTo(404);
        assertThat(api().get(base(other.slug()) + "/" + report.get("id").asText() + "/zh-CN", otherAdmin).status()).isEqualTo(404);
        assertThat(api().get(one, otherAdmin).status()).isIn(403, 404);
        assertThat(api().postJson(one + "/publish", Api.object(), otherAdmin).status()).isIn(403, 404);
        assertThat(api().get(publicBase(other.slug()) + "/" + report.get("id").asText() + "/zh-CN", Api.Call.anonymous()).status()).isEqualTo(404);
        // files that are not there, ids that are not ids, roles that may not
        assertThat(api().get(one + "/pdf", admin).json().get("code").asText()).isEqualTo("DISCLOSURE_REPORT_NOT_FOUND");
        assertThat(api().get(base(tenant.slug()) + "/not-a-report", admin).status()).isEqualTo(404);
        assertThat(api().get(base(tenant.slug()), new Api.Call().bearer(tenant.staffToken("handler"))).status()).isEqualTo(403);
        assertThat(api().get(base(tenant.slug()), Api.Call.anonymous()).status()).isEqualTo(401);
        // unpublished: not on the public side
        assertThat(api().get(publicBase(tenant.slug()) + "/" + report.get("id").asText() + "/zh-CN", Api.Call.anonymous()).status()).isEqualTo(404);
        // a report another node is still making: its files are not ready (409), nor can it be published
        String busy = generatingElsewhere(tenant, "2025-07");
        Api.Response notReady = api().get(base(tenant.slug()) + "/" + busy + "/zh-CN", admin);
        assertThat(notReady.status()).isEqualTo(409);
        assertThat(notReady.json().get("code").asText()).isEqualTo("REPORT_NOT_READY");
        assertThat(api().postJson(base(tenant.slug()) + "/" + busy + "/publish", Api.object(), admin).status()).isEqualTo(409);
        // nor is another version of that period asked for while it is made (a double click makes one report)
        Api.Response twice = api().postJson(base(tenant.slug()), Api.object().put("period", "2025-07"), admin);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("REPORT_IN_PROGRESS");

        // publishing lists it on the portal, once; a second request makes version 2, never touching version 1
        JsonNode published = api().postJson(one + "/publish", Api.object(), admin).json();
        assertThat(published.get("publishedAt").isNull()).isFalse();
        assertThat(api().postJson(one + "/publish", Api.object(), admin).json().get("publishedAt").asText())
                .isEqualTo(published.get("publishedAt").asText());
        byte[] first = download(tenant, report, "zh-CN", admin);
        JsonNode second = ready(tenant, request(tenant, "2025-06", admin), admin);
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(download(tenant, report, "zh-CN", admin)).isEqualTo(first);
        assertThat(api().get(publicBase(tenant.slug()), Api.Call.anonymous()).json()).hasSize(1);
        assertThat(Fixtures.auditDetails(tenant, "DISCLOSURE_REPORT_REQUESTED")).hasSize(2);
        assertThat(Fixtures.auditDetails(tenant, "DISCLOSURE_REPORT_PUBLISHED")).hasSize(1);

        // the archive refuses changes even from the database owner
        try (Connection c = platform().ownerConnection()) {
            assertThatThrownBy(() -> c.createStatement().executeUpdate("update disclosure_documents set content = 'x' "
                    + "where tenant_id = '" + tenant.id() + "'")).isInstanceOf(SQLException.class).hasMessageContaining("unchanged");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("delete from disclosure_reports "
                    + "where tenant_id = '" + tenant.id() + "'")).isInstanceOf(SQLException.class).hasMessageContaining("unchanged");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("update disclosure_reports set period = '2025-05' "
                    + "where tenant_id = '" + tenant.id() + "' and state = 'READY'")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void leasesRunOutToAnotherNodeFailuresWaitAndAreCappedAndClaimsSkipWhatIsLocked() throws Exception {
        Fixtures.TestTenant tenant = Fixtures.onboard("INTERNET_CONTENT");
        TenantId id = TenantId.of(tenant.id());
        TenantTransactions transactions = CDI.current().select(TenantTransactions.class).get();
        DisclosureArchive archive = CDI.current().select(DisclosureArchive.class).get();
        // the server's own generator must not take these reports: wait until it has nothing left to do
        DisclosureWorker worker = CDI.current().select(DisclosureWorker.class).get();
        Poll.until("the server's report generator goes idle", Duration.ofSeconds(60), worker::idle, idle -> idle);
        Instant now = Instant.now();
        UUID first = transactions.inTenant(id, () -> archive.request("2025-01", "test", now)).orElseThrow().id();
        UUID second = transactions.inTenant(id, () -> archive.request("2025-02", "test", now.plusMillis(1))).orElseThrow().id();

        // while node a holds its claim's transaction open, node b's claim skips the locked row and takes the next
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        Future<UUID> a = nodes.submit(() -> transactions.inTenant(id, () -> {
            UUID mine = archive.claim("node-a", Duration.ofMinutes(10), 3).orElseThrow().id();
            claimed.countDown();
            await(release);
            return mine;
        }));
        assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();
        Future<UUID> b = nodes.submit(() -> transactions.inTenant(id,
                () -> archive.claim("node-b", Duration.ofMinutes(10), 3).orElseThrow().id()));
        assertThat(b.get(10, TimeUnit.SECONDS)).as("not kept waiting by node a's lock").isEqualTo(second);
        release.countDown();
        assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(first);
        nodes.shutdown();
        assertThat(transactions.inTenant(id, () -> archive.claim("node-c", Duration.ofMinutes(10), 3))).isEmpty();

        // node a's lease runs out (it stopped): node c takes the report over; a's late result is not stored
        expireLease(first);
        assertThat(transactions.inTenant(id, () -> archive.claim("node-c", Duration.ofMinutes(10), 3)))
                .hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(first)).get().extracting(DisclosureReport::attempts).isEqualTo(2);
        StoredDocument csv = StoredDocument.of(ReportEdition.CSV, "x.csv", "a,b\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(transactions.inTenant(id, () -> archive.progress(first, "node-a", 50, "pdf en", Duration.ofMinutes(10)))).isFalse();
        ChainHead head = ChainHead.of(ChainLink.GENESIS, now);
        assertThat(transactions.inTenant(id, () -> archive.complete(first, "node-a", List.of(csv), head, now, false))).isFalse();
        assertThat(transactions.inTenant(id, () -> archive.complete(first, "node-c", List.of(csv), head, now, false))).isTrue();
        assertThat(transactions.inTenant(id, () -> archive.find(first)).orElseThrow().documents()).hasSize(1);

        // a failed attempt waits before it is tried again; a lease that runs out after the last attempt fails it
        transactions.inTenant(id, () -> archive.fail(second, "node-b", "generation failed (Boom)", Duration.ofMinutes(5)));
        assertThat(transactions.inTenant(id, () -> archive.find(second)).orElseThrow().state()).isEqualTo(DisclosureReport.State.QUEUED);
        assertThat(transactions.inTenant(id, () -> archive.claim("node-c", Duration.ofMinutes(10), 3))).isEmpty();
        try (Connection c = platform().ownerConnection()) {
            c.createStatement().executeUpdate("update disclosure_reports set not_before = now() - interval '1 second' "
                    + "where id = '" + second + "'");
        }
        assertThat(transactions.inTenant(id, () -> archive.claim("node-c", Duration.ofMinutes(10), 3))).isPresent();
        expireLease(second);
        assertThat(transactions.inTenant(id, () -> archive.claim("node-d", Duration.ofMinutes(10), 2))).isEmpty();
        DisclosureReport failed = transactions.inTenant(id, () -> archive.find(second)).orElseThrow();
        assertThat(failed.state()).isEqualTo(DisclosureReport.State.FAILED);
        assertThat(failed.failure()).contains("did not finish in 2 attempts");

        // a failed scheduled report is asked for again, but not without end
        for (int attempt = 1; attempt <= 3; attempt++) {
            Optional<DisclosureReport> scheduled = transactions.inTenant(id, () -> archive.requestScheduled("2025-03", now, 2));
            if (attempt <= 2) {
                assertThat(scheduled).as("attempt " + attempt).isPresent();
                assertThat(transactions.inTenant(id, () -> archive.requestScheduled("2025-03", now, 2))).isEmpty();
                UUID taken = transactions.inTenant(id, () -> archive.claim("node-e", Duration.ofMinutes(10), 3)).orElseThrow().id();
                transactions.inTenant(id, () -> archive.fail(taken, "node-e", "cannot", null));
            } else {
                assertThat(scheduled).as("after two failures").isEmpty();
            }
        }
    }

    private static void expireLease(UUID report) throws SQLException {
        try (Connection c = platform().ownerConnection()) {
            c.createStatement().executeUpdate("update disclosure_reports set lease_until = now() - interval '1 second' "
                    + "where id = '" + report + "'");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Checks every figure of the statistics API's answer against the report's lines; returns how many were hidden. */
    private static int assertEveryFigure(JsonNode stats, List<String> lines, boolean zh) {
        int hidden = 0;
        for (String section : List.of("summary", "appeals")) {
            for (JsonNode l : stats.get(section)) {
                hidden += expect(lines, ReportText.label("measure." + l.get("key").asText(), zh), l.get("figure"));
            }
        }
        for (String section : List.of("byChannel", "byCategory", "byOutcome")) {
            for (JsonNode l : stats.get(section)) {
                String key = l.get("key").asText();
                String label = key.equals("TOTAL") ? (zh ? "合计" : "Total")
                        : section.equals("byOutcome") ? ReportText.label("outcome." + key, zh)
                        : l.get(zh ? "nameZh" : "nameEn").asText();
                hidden += expect(lines, label, l.get("figure"));
            }
        }
        for (JsonNode st : stats.get("timeliness")) {
            assertThat(lines).contains(ReportText.stageRow(ReportText.label("stage." + st.get("stage").asText(), zh),
                    st.get("completed").get("shown").asText(), st.get("onTime").get("shown").asText(),
                    st.get("late").get("shown").asText(), number(st.get("onTimeRate")), number(st.get("medianHours"))));
        }
        for (JsonNode r : stats.get("rewards")) {
            String amount = !r.hasNonNull("amount") ? "—" : r.get("amount").decimalValue().toPlainString() + " " + r.get("currency").asText();
            assertThat(lines).contains(r.get("currency").asText() + " " + r.get("count").get("shown").asText() + " " + amount);
        }
        return hidden;
    }

    private static int expect(List<String> lines, String label, JsonNode figure) {
        assertThat(lines).contains(ReportText.row(label, figure.get("shown").asText(), number(figure.get("changeOnPrevious")),
                number(figure.get("changeOnYearEarlier"))));
        return figure.hasNonNull("suppressed") ? 1 : 0;
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }

    private static void assertFontsEmbeddedAsSubsets(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).isTrue();
                    assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC-(Regular|Bold)");
                }
            }
        }
    }

    static JsonNode request(Fixtures.TestTenant tenant, String period, Api.Call admin) {
        Api.Response r = api().postJson(base(tenant.slug()), Api.object().put("period", period), admin);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.header("Location")).endsWith("/disclosure-reports/" + r.json().get("id").asText());
        assertThat(r.json().get("state").asText()).isIn("QUEUED", "GENERATING", "READY");
        return r.json();
    }

    /** Follows a queued report until it is ready, reading its progress as a client would. */
    static JsonNode ready(Fixtures.TestTenant tenant, JsonNode queued, Api.Call admin) throws InterruptedException {
        String path = base(tenant.slug()) + "/" + queued.get("id").asText();
        return Poll.until("report ready", Duration.ofSeconds(90), () -> {
            JsonNode report = api().get(path, admin).json();
            assertThat(report.get("progress").asInt()).isBetween(0, 100);
            assertThat(report.get("state").asText()).as(report.toString()).isNotEqualTo("FAILED");
            return report;
        }, report -> report.get("state").asText().equals("READY"));
    }

    static byte[] download(Fixtures.TestTenant tenant, JsonNode report, String edition, Api.Call admin) {
        Api.Response file = api().get(base(tenant.slug()) + "/" + report.get("id").asText() + "/" + edition, admin);
        assertThat(file.status()).as(file.body()).isEqualTo(200);
        assertThat(file.contentType()).startsWith(edition.equals("csv") ? "text/csv" : "application/pdf");
        assertThat(StoredDocument.sha256(file.bytes())).isEqualTo(file.header("X-Content-SHA256"));
        return file.bytes();
    }

    static String base(String slug) {
        return "/api/v1/tenants/" + slug + "/disclosure-reports";
    }

    static String publicBase(String slug) {
        return "/api/v1/tenants/" + slug + "/published-reports";
    }

    /** The tenant joined two years ago, so the schedule owes it reports for the periods closed since. */
    static void backdate(Fixtures.TestTenant tenant) throws SQLException {
        try (Connection c = platform().ownerConnection();
             PreparedStatement s = c.prepareStatement("update tenants set created_at = now() - interval '2 years' where id = ?::uuid")) {
            s.setString(1, tenant.id());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    /** A report some other node claimed and is still making (its lease runs for an hour). */
    private static String generatingElsewhere(Fixtures.TestTenant tenant, String period) throws SQLException {
        String id = java.util.UUID.randomUUID().toString();
        try (Connection c = platform().ownerConnection();
             PreparedStatement s = c.prepareStatement("insert into disclosure_reports (id, tenant_id, period, version, origin, "
                     + "requested_by, requested_at, state, progress, step, attempts, claimed_by, lease_until) values "
                     + "(?::uuid, ?::uuid, ?, 1, 'ON_DEMAND', 'someone', now(), 'GENERATING', 40, 'pdf zh-CN', 1, "
                     + "'another-node', now() + interval '1 hour')")) {
            s.setString(1, id);
            s.setString(2, tenant.id());
            s.setString(3, period);
            s.executeUpdate();
        }
        return id;
    }

    private static List<Map<String, Object>> reportRows(Fixtures.TestTenant tenant) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = platform().ownerConnection();
             PreparedStatement s = c.prepareStatement("select r.origin, r.state, r.attempts, r.version, "
                     + "r.published_at is not null, (select count(*) from disclosure_documents d where d.report_id = r.id) "
                     + "from disclosure_reports r where r.tenant_id = ?::uuid order by r.period")) {
            s.setString(1, tenant.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(Map.of("origin", rs.getString(1), "state", rs.getString(2), "attempts", rs.getInt(3),
                            "version", rs.getInt(4), "published", rs.getBoolean(5), "documents", rs.getLong(6)));
                }
            }
        }
        return rows;
    }

    /** A small real PNG: a green square with a white bar, as a body's logo. */
    private static byte[] logo() throws IOException {
        BufferedImage image = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x0b, 0x6e, 0x4f));
        g.fillRect(0, 0, 120, 60);
        g.setColor(Color.WHITE);
        g.fillRect(15, 25, 90, 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
