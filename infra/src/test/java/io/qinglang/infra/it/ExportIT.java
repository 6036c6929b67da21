package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qinglang.admin.export.application.ExportMaking;
import io.qinglang.infra.crypto.OpenPgpExportEncryption;
import io.qinglang.infra.persistence.AuditVerifyCommand;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.platform;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body's export (issue 17, item 2): asked for with a passphrase, made in the background, downloaded once ready as an
 * OpenPGP message that gpg opens, holding every table (identities opened), the evidence files and the audit trail,
 * whose chain {@code audit-verify --export} checks offline; none of another body's rows; the operator exports a
 * suspended body only; an expired export is gone.
 */
class ExportIT {

    private static final String PASSPHRASE = "correct horse battery staple 清朗";
    private static final String WHY = "机构迁移至自建系统，导出全部数据";
    private static final String IN_THE_EVIDENCE = "证据 export-evidence-marker";
    private static final String OTHER_BODYS_REPORT = "另一机构的举报 another body's report, never in this export";

    private static Fixtures.TestTenant body;
    private static Fixtures.TestTenant other;
    private static String reference;

    @BeforeAll
    static void bodyWithACase() {
        body = Fixtures.onboard("INTERNET_CONTENT");
        other = Fixtures.onboard("INTERNET_CONTENT");
        ObjectNode named = Fixtures.report("web", "fraud").put("anonymity", "CONFIDENTIAL");
        named.putObject("reporter").put("name", "张三丰").put("idNumber", "110101199003074477");
        named.putObject("contact").put("email", "zhang@example.org");
        Api.Response sent = api().postMultipart("/api/v1/tenants/" + body.slug() + "/reports", "report", named,
                List.of(new Api.FilePart("evidence", "../../etc/截图.txt", "text/plain",
                        IN_THE_EVIDENCE.getBytes(StandardCharsets.UTF_8))), Api.Call.anonymous());
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        reference = sent.json().get("reference").asText();
        Fixtures.submitted(other, Fixtures.report("web", "fraud").put("description", OTHER_BODYS_REPORT));
    }

    private static String exports(Fixtures.TestTenant tenant) {
        return "/api/v1/tenants/" + tenant.slug() + "/exports";
    }

    private static Api.Call admin(Fixtures.TestTenant tenant) {
        return new Api.Call().bearer(tenant.adminToken());
    }

    /** Follows the export until it is ready; the progress seen on the way. */
    private static JsonNode ready(String location, Api.Call call) throws InterruptedException {
        return Poll.until("the export is ready", Duration.ofSeconds(60), () -> api().get(location, call).json(),
                e -> List.of("READY", "FAILED").contains(e.get("state").asText()));
    }

    @Test
    void anExportHoldsAllTheBodysDataOpensWithGpgAndItsAuditChainVerifiesOffline() throws Exception {
        for (ObjectNode bad : List.of(body().put("reason", WHY), body().put("reason", WHY).put("passphrase", "short"),
                body().put("reason", WHY).put("passphrase", "           x"),
                body().put("reason", WHY).put("passphrase", "x".repeat(201)))) {
            Api.Response refused = api().postJson(exports(body), bad, admin(body));
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsText("pointer")).containsExactly("/passphrase");
        }
        for (ObjectNode bad : List.of(body().put("passphrase", PASSPHRASE), body().put("passphrase", PASSPHRASE)
                .put("reason", "导出"))) {
            Api.Response refused = api().postJson(exports(body), bad, admin(body));
            assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsText("pointer")).as("why").containsExactly("/reason");
        }
        assertThat(Fixtures.rows("tenant_exports", body.id())).as("nothing written").isZero();
        assertThat(api().postJson(exports(body), body().put("passphrase", PASSPHRASE).put("reason", WHY),
                new Api.Call().bearer(body.staffToken("handler"))).status()).isEqualTo(403);
        assertThat(api().postJson(exports(body), body().put("passphrase", PASSPHRASE).put("reason", WHY), admin(other)).status())
                .as("another body's admin").isEqualTo(403);

        Api.Response asked = api().postJson(exports(body), body().put("passphrase", PASSPHRASE).put("reason", WHY), admin(body));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        String location = asked.header("Location");
        assertThat(location).endsWith("/api/v1/tenants/" + body.slug() + "/exports/" + asked.json().get("id").asText());
        String path = location.substring(location.indexOf("/api/"));
        assertThat(api().get(path, admin(other)).status()).as("another body's admin").isEqualTo(403);
        assertThat(api().get("/api/v1/tenants/" + other.slug() + "/exports/" + asked.json().get("id").asText(),
                admin(other)).status()).as("at another body").isEqualTo(404);

        JsonNode export = ready(path, admin(body));
        assertThat(export.get("state").asText()).as(export.toString()).isEqualTo("READY");
        assertThat(export.get("progress").asInt()).isEqualTo(100);
        assertThat(Fixtures.rows("tenant_exports", body.id(), "sealed_passphrase is not null"))
                .as("the passphrase is forgotten once the archive is made").isZero();

        Api.Response download = api().get(path + "/archive", admin(body));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("application/pgp-encrypted");
        assertThat(download.header("Content-Disposition")).contains(body.slug() + "-export-").contains(".zip.gpg");
        byte[] archive = download.bytes();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)))
                .isEqualTo(download.header("X-Content-SHA256")).isEqualTo(export.get("sha256").asText());
        assertThat(new String(archive, StandardCharsets.ISO_8859_1)).doesNotContain("张三丰", "export-evidence-marker");
        assertThat(Fixtures.auditReasons(body, "EXPORT_REQUESTED")).containsExactly(WHY);
        assertThat(Fixtures.auditDetails(body, "EXPORT_DOWNLOADED")).hasSize(1);

        Path file = Files.createTempFile("export", ".zip.gpg");
        Files.write(file, archive);
        byte[] zip = gpgDecrypt(file, PASSPHRASE);
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries).containsKeys("README.txt", "manifest.json", "body.json", "tables/cases.jsonl",
                "tables/case_events.jsonl", "tables/audit_events.jsonl", "tables/channels.jsonl",
                "tables/deadline_policies.jsonl");
        assertThat(entries.keySet()).noneMatch(name -> name.contains("idempotency") || name.contains("console_sessions")
                || name.contains("export") && name.startsWith("tables/") || name.contains(".."));
        String cases = new String(entries.get("tables/cases.jsonl"), StandardCharsets.UTF_8);
        assertThat(cases).contains(reference, "张三丰", "110101199003074477", "zhang@example.org")
                .doesNotContain("sealed_identity");
        assertThat(entries.values()).as("another body's report, in no file").noneMatch(
                content -> new String(content, StandardCharsets.UTF_8).contains(OTHER_BODYS_REPORT));
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (entry.getKey().startsWith("tables/")) {
                for (String line : new String(entry.getValue(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        assertThat(Api.JSON.readTree(line).path("tenant_id").asText()).as(entry.getKey())
                                .isEqualTo(body.id());
                    }
                }
            }
        }
        assertThat(entries.entrySet()).anyMatch(e -> e.getKey().startsWith("evidence/") && e.getKey().endsWith("截图.txt")
                && new String(e.getValue(), StandardCharsets.UTF_8).equals(IN_THE_EVIDENCE));
        JsonNode manifest = Api.JSON.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("slug").asText()).isEqualTo(body.slug());
        assertThat(manifest.get("tables").get("cases").asInt()).isEqualTo(1);
        assertThat(manifest.get("evidenceFiles").asInt()).isEqualTo(1);

        ByteArrayOutputStream said = new ByteArrayOutputStream();
        assertThat(verify(file, PASSPHRASE, said)).as(said.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("intact", manifest.get("auditChainHead").asText());
        assertThat(verify(file, "not the passphrase at all", new ByteArrayOutputStream())).isEqualTo(1);
        byte[] damaged = archive.clone();
        damaged[damaged.length / 2] ^= 0x01;
        Path broken = Files.createTempFile("export-damaged", ".zip.gpg");
        Files.write(broken, damaged);
        assertThat(verify(broken, PASSPHRASE, new ByteArrayOutputStream())).as("an altered archive").isEqualTo(1);
        Path rewritten = Files.createTempFile("export-rewritten", ".zip.gpg");
        Files.write(rewritten, reencrypted(entries, PASSPHRASE));
        ByteArrayOutputStream rewrittenSaid = new ByteArrayOutputStream();
        assertThat(verify(rewritten, PASSPHRASE, rewrittenSaid)).as("a rewritten audit event, encrypted again")
                .isEqualTo(2);
        assertThat(rewrittenSaid.toString(StandardCharsets.UTF_8)).contains("BROKEN");

        // expired: the archive is gone and cannot be downloaded
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("update tenant_exports set expires_at = now() - interval '1 minute'"
                     + " where tenant_id = ?::uuid")) {
            s.setString(1, body.id());
            s.executeUpdate();
        }
        assertThat(CDI.current().select(ExportMaking.class).get().expire()).isGreaterThanOrEqualTo(1);
        assertThat(Fixtures.rows("tenant_export_chunks", body.id())).isZero();
        Api.Response gone = api().get(path + "/archive", admin(body));
        assertThat(gone.status()).isEqualTo(409);
        assertThat(gone.json().get("code").asText()).isEqualTo("EXPORT_NOT_READY");
    }

    @Test
    void oneExportAtATimeAndTheOperatorExportsOnlyASuspendedBody() throws Exception {
        Fixtures.TestTenant leaving = Fixtures.onboard("CONSUMER_COMPLAINTS");
        // an export queued that no maker will take (its attempts are spent): a second one is refused meanwhile
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("insert into tenant_exports (id, tenant_id, requested_by,"
                     + " requested_at, state, attempts) values (gen_random_uuid(), ?::uuid, 'test', now(), 'QUEUED', 3)")) {
            s.setString(1, leaving.id());
            s.executeUpdate();
        }
        Api.Response second = api().postJson(exports(leaving), body().put("passphrase", PASSPHRASE).put("reason", WHY), admin(leaving));
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json().get("code").asText()).isEqualTo("EXPORT_IN_PROGRESS");
        assertThat(Fixtures.rows("tenant_exports", leaving.id())).isEqualTo(1);
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("delete from tenant_exports where tenant_id = ?::uuid")) {
            s.setString(1, leaving.id());
            s.executeUpdate();
        }

        String operatorPath = "/api/v1/platform/tenants/" + leaving.slug() + "/exports";
        Api.Call operator = new Api.Call().bearer(api().operatorToken());
        Api.Response active = api().postJson(operatorPath, body().put("passphrase", PASSPHRASE).put("reason", WHY), operator);
        assertThat(active.status()).as(active.body()).isEqualTo(409);
        assertThat(active.json().get("code").asText()).isEqualTo("TENANT_NOT_SUSPENDED");
        assertThat(api().postJson(operatorPath, body().put("passphrase", PASSPHRASE).put("reason", WHY), admin(leaving)).status())
                .as("a body's admin is not the operator").isEqualTo(403);
        assertThat(api().postJson("/api/v1/platform/tenants/" + leaving.slug() + "/suspend",
                body().put("reason", "合同终止，机构退出平台"), operator).status()).isEqualTo(200);
        Api.Response asked = api().postJson(operatorPath, body().put("passphrase", PASSPHRASE).put("reason", WHY), operator);
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        String path = operatorPath + "/" + asked.json().get("id").asText();
        assertThat(ready(path, operator).get("state").asText()).isEqualTo("READY");
        Api.Response download = api().get(path + "/archive", operator);
        assertThat(download.status()).isEqualTo(200);
        Path file = Files.createTempFile("operator-export", ".zip.gpg");
        Files.write(file, download.bytes());
        assertThat(verify(file, PASSPHRASE, new ByteArrayOutputStream())).isZero();
        assertThat(Fixtures.auditDetails(leaving, "EXPORT_REQUESTED")).anyMatch(d -> d.contains("OPERATOR"));
    }

    // ---- helpers

    private static int verify(Path file, String passphrase, ByteArrayOutputStream said) {
        PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8);
        return AuditVerifyCommand.verifyExport(file, passphrase.toCharArray(), out, out);
    }

    /** Opens the archive as a body would: with gpg, the passphrase given on a file descriptor. */
    private static byte[] gpgDecrypt(Path file, String passphrase) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("gnupg");
        Process gpg = new ProcessBuilder("gpg", "--homedir", home.toString(), "--batch", "--quiet", "--pinentry-mode",
                "loopback", "--passphrase-fd", "0", "--decrypt", file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = gpg.getOutputStream()) {
            in.write((passphrase + "\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] plain = gpg.getInputStream().readAllBytes();
        assertThat(gpg.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gpg.exitValue()).as("gpg --decrypt").isZero();
        return plain;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The archive with one audit event's reason changed, zipped and encrypted again to the same passphrase. */
    private static byte[] reencrypted(Map<String, byte[]> entries, String passphrase) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(new OpenPgpExportEncryption().encrypting(out,
                passphrase.toCharArray(), "rewritten.zip"), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                byte[] content = entry.getValue();
                if (entry.getKey().equals("tables/audit_events.jsonl")) {
                    String[] lines = new String(content, StandardCharsets.UTF_8).split("\n");
                    ObjectNode first = (ObjectNode) Api.JSON.readTree(lines[0]);
                    first.put("actor_id", "someone-else");
                    lines[0] = Api.JSON.writeValueAsString(first);
                    content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
