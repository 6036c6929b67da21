package io.qinglang.infra.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.infra.crypto.OpenPgpExportEncryption;
import io.qinglang.platform.audit.domain.AuditChain;
import io.qinglang.platform.audit.domain.AuditEntry;
import io.qinglang.platform.audit.domain.ChainVerification;
import io.qinglang.platform.shared.domain.TenantId;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code ./qinglang audit-verify --export FILE}: opens an export with its passphrase (QINGLANG_EXPORT_PASSPHRASE, or
 * asked for at the terminal), and follows the hash chain of its audit trail without a database or a server, exactly as
 * the platform checks it. Exit status: 0 intact, 2 broken, 1 could not check (wrong passphrase, altered archive).
 */
final class ExportAuditVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportAuditVerifier() {
    }

    static int run(Path file, char[] passphrase, PrintStream out, PrintStream err) {
        out.println("Opening " + file + " …");
        TenantId tenant = null;
        String slug = "?";
        ChainVerification result = null;
        String head = null;
        String manifestHead = null;
        long waiting = 0;
        try (InputStream encrypted = Files.newInputStream(file);
             ZipInputStream zip = new ZipInputStream(new OpenPgpExportEncryption().decrypting(encrypted, passphrase),
                     StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                switch (entry.getName()) {
                    case "body.json" -> {
                        JsonNode body = JSON.readTree(zip.readAllBytes());
                        tenant = new TenantId(UUID.fromString(body.path("id").asText()));
                        slug = body.path("slug").asText();
                    }
                    case "tables/audit_events.jsonl" -> {
                        if (tenant == null) {
                            err.println("The archive holds no body.json before its audit trail: not an export.");
                            return 1;
                        }
                        AuditChain chain = new AuditChain(tenant);
                        BufferedReader lines = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            AuditEntry event = entry(JSON.readTree(line));
                            if (!event.sealed()) {
                                waiting++; // written while the export was made, not yet sealed: not in the chain
                                continue;
                            }
                            chain.accept(event);
                            head = java.util.HexFormat.of().formatHex(event.hash());
                        }
                        result = chain.result();
                    }
                    case "manifest.json" -> manifestHead = JSON.readTree(zip.readAllBytes()).path("auditChainHead").asText(null);
                    default -> zip.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        } catch (UncheckedIOException e) {
            err.println("Could not open the export: " + e.getCause().getMessage());
            return 1;
        } catch (IOException e) {
            err.println("Could not open the export: " + e.getMessage());
            return 1;
        }
        if (result == null) {
            err.println("The archive holds no audit trail (tables/audit_events.jsonl): not an export.");
            return 1;
        }
        if (!result.intact()) {
            out.println("Audit chain of " + slug + " in the export is BROKEN at event " + result.firstBrokenSeq() + ": "
                    + result.problem() + " (" + result.eventsVerified() + " events verified before it).");
            return 2;
        }
        if (manifestHead != null && !manifestHead.equals(head)) {
            out.println("Audit chain of " + slug + " in the export ends at " + head + ", but its manifest names "
                    + manifestHead + ": events are missing from its end.");
            return 2;
        }
        out.println("Audit chain of " + slug + " in the export is intact: " + result.eventsVerified()
                + " events verified; its head is " + head + "."
                + (waiting > 0 ? " " + waiting + " later event(s) were still waiting to be sealed and are not in it." : ""));
        return 0;
    }

    /** An event as the export writes it: to_jsonb's columns, hashes as \x and hex. */
    static AuditEntry entry(JsonNode row) {
        return new AuditEntry(row.path("seq").asLong(0), OffsetDateTime.parse(row.path("occurred_at").asText()).toInstant(),
                text(row, "actor_kind"), text(row, "actor_id"), text(row, "action"), text(row, "subject_type"),
                text(row, "subject_id"), text(row, "reason"), text(row, "details"),
                bytes(row, "prev_hash"), bytes(row, "hash"));
    }

    private static byte[] bytes(JsonNode row, String field) {
        String hex = text(row, field);
        return hex == null ? null : SqlTenantDump.bytes(hex);
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
