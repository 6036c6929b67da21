package io.qinglang.infra.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qinglang.admin.export.application.TenantDump;
import io.qinglang.platform.shared.application.TenantCipher;
import io.qinglang.platform.shared.application.TenantScope;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A body's data as an export writes it, read in one read-only, repeatable-read transaction of the application role
 * (row-level security confines every query to the body), so every table, file and event in the archive belongs to one
 * moment. Every table with a {@code tenant_id} is written but the ones that are the platform's machinery
 * ({@link #NOT_EXPORTED}); sealed values are opened: {@code reporter_identity} and {@code reporter_contact} on cases,
 * {@code payment_details} on rewards.
 */
@ApplicationScoped
public class SqlTenantDump implements TenantDump {

    /** Tables of the platform's own machinery, or whose contents are written as files instead. */
    static final Set<String> NOT_EXPORTED = Set.of("idempotency_records", "intake_challenges_spent", "console_sessions",
            "tenant_exports", "tenant_export_chunks", "evidence_content");
    private static final int FETCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String README = """
            Qinglang export / 清朗平台数据导出
            ==================================
            manifest.json            what the archive holds: the body, when, each table's row count, the audit chain's head
            body.json                the body's own record
            tables/<table>.jsonl     every row of the body's tables, one JSON object a line (timestamps in UTC);
                                     reporters' identities and contacts and rewards' payment details opened
            tables/audit_events.jsonl  the audit trail; check its hash chain with: ./qinglang audit-verify --export FILE
            evidence/<case>/<file>   the evidence files reporters and staff uploaded
            reports/<report>/<file>  the disclosure reports (PDF and CSV), as archived
            branding/                the logo
            manifest.json            本归档内容：机构、导出时间、各表行数、审计链末端哈希
            tables/                  机构全部数据（每行一个 JSON 对象）；举报人身份与联系方式、奖励支付信息已解密
            evidence/                举报人和工作人员上传的证据文件
            reports/                 公开报告（PDF、CSV）
            此归档包含举报人个人信息，请妥善保管。This archive holds reporters' personal data: keep it safe.
            """;

    private final DataSource dataSource;
    private final TenantCipher cipher;

    @Inject
    public SqlTenantDump(@Named(DataSourceProducer.NAME) DataSource dataSource, TenantCipher cipher) {
        this.dataSource = dataSource;
        this.cipher = cipher;
    }

    @Override
    public void write(TenantId tenant, ZipOutputStream zip, Progress progress) {
        try (Connection db = connection(tenant)) {
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            db.setReadOnly(true);
            try {
                dump(db, tenant, zip, progress);
            } finally {
                db.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the body's data failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Connection connection(TenantId tenant) throws SQLException {
        try (TenantScope ignored = TenantScope.enter(tenant)) {
            return dataSource.getConnection();
        }
    }

    private void dump(Connection db, TenantId tenant, ZipOutputStream zip, Progress progress) throws SQLException, IOException {
        List<String> tables = tables(db);
        int steps = tables.size() + 3;
        int step = 0;
        text(zip, "README.txt", README);
        ObjectNode body = (ObjectNode) JSON.readTree(single(db, "select (to_jsonb(t) - 'wrapped_data_key')::text"
                + " from tenants t where id = qinglang_current_tenant()"));
        text(zip, "body.json", body.toPrettyString());
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : tables) {
            progress.at(percent(step++, steps), "tables/" + table);
            rows.put(table, table(db, tenant, table, zip));
        }
        progress.at(percent(step++, steps), "evidence");
        int evidence = evidence(db, tenant, zip);
        progress.at(percent(step++, steps), "reports");
        int reports = files(db, zip, "select report_id::text, file_name, content from disclosure_documents"
                + " where tenant_id = qinglang_current_tenant() order by report_id, edition", "reports/");
        files(db, zip, "select 'logo', 'logo.' || case when logo_content_type like '%png' then 'png' else 'jpg' end,"
                + " logo from disclosure_settings where tenant_id = qinglang_current_tenant() and logo is not null",
                "branding/");
        progress.at(percent(step, steps), "manifest");
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", "qinglang-export/1");
        manifest.put("exportedAt", Instant.now().toString());
        manifest.put("tenantId", tenant.toString());
        manifest.put("slug", body.path("slug").asText());
        manifest.put("nameZh", body.path("name_zh").asText());
        manifest.put("nameEn", body.path("name_en").asText());
        manifest.putPOJO("tables", rows);
        manifest.put("evidenceFiles", evidence);
        manifest.put("reportFiles", reports);
        manifest.put("auditEvents", rows.getOrDefault("audit_events", 0L));
        String head = single(db, "select encode(hash, 'hex') from audit_events where tenant_id = qinglang_current_tenant()"
                + " and seq is not null order by seq desc limit 1");
        manifest.put("auditChainHead", head);
        text(zip, "manifest.json", manifest.toPrettyString());
    }

    private static int percent(int step, int steps) {
        return step * 95 / steps;
    }

    /** The body's tables: every table of the schema with a tenant_id, but the machinery's. */
    private static List<String> tables(Connection db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(TenantTables.NAMES); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                if (!NOT_EXPORTED.contains(rs.getString(1))) {
                    tables.add(rs.getString(1));
                }
            }
        }
        return tables;
    }

    private long table(Connection db, TenantId tenant, String table, ZipOutputStream zip) throws SQLException, IOException {
        zip.putNextEntry(new ZipEntry("tables/" + table + ".jsonl"));
        long count = 0;
        // the audit trail in its order, so that its chain can be followed line by line; events still waiting to be
        // sealed (the export seals what waits first, so only those written meanwhile) last
        try (PreparedStatement s = db.prepareStatement("select to_jsonb(t)::text from " + table
                + " t where tenant_id = qinglang_current_tenant()"
                + (table.equals("audit_events") ? " order by seq nulls last, id" : ""))) {
            s.setFetchSize(FETCH);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ObjectNode row = (ObjectNode) JSON.readTree(rs.getString(1));
                    opened(tenant, table, row);
                    zip.write(JSON.writeValueAsBytes(row));
                    zip.write('\n');
                    count++;
                }
            }
        }
        zip.closeEntry();
        return count;
    }

    /** Opens the sealed values a body needs to read its own records, and leaves out bytes written as files. */
    private void opened(TenantId tenant, String table, ObjectNode row) {
        switch (table) {
            case "cases" -> {
                String id = row.path("id").asText();
                row.set("reporter_identity", open(tenant, row.remove("sealed_identity"), "identity:" + id));
                row.set("reporter_contact", open(tenant, row.remove("sealed_contact"), "contact:" + id));
            }
            case "rewards" -> row.set("payment_details", open(tenant, row.remove("sealed_payment"),
                    "payment:" + row.path("id").asText()));
            case "notifications" -> row.remove("sealed_contact");
            case "disclosure_documents" -> row.remove("content");
            case "disclosure_settings" -> row.remove("logo");
            default -> {
            }
        }
    }

    private JsonNode open(TenantId tenant, JsonNode sealed, String context) {
        if (sealed == null || sealed.isNull()) {
            return null;
        }
        byte[] plain = cipher.open(tenant, bytes(sealed.asText()), context);
        try {
            return JSON.readTree(plain);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(plain, StandardCharsets.UTF_8));
        }
    }

    /** A bytea as to_jsonb writes it: {@code \x} and hex. */
    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.startsWith("\\x") ? hex.substring(2) : hex);
    }

    private int evidence(Connection db, TenantId tenant, ZipOutputStream zip) throws SQLException, IOException {
        int count = 0;
        try (PreparedStatement s = db.prepareStatement("select e.id, e.case_id, e.file_name, c.sealed from evidence e"
                + " join evidence_content c on c.tenant_id = e.tenant_id and c.evidence_id = e.id"
                + " where e.tenant_id = qinglang_current_tenant() order by e.case_id, e.uploaded_at")) {
            s.setFetchSize(16);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    zip.putNextEntry(new ZipEntry("evidence/" + rs.getObject(2, UUID.class) + "/" + id + "-"
                            + safeName(rs.getString(3))));
                    zip.write(cipher.open(tenant, rs.getBytes(4), "evidence:" + id));
                    zip.closeEntry();
                    count++;
                }
            }
        }
        return count;
    }

    private static int files(Connection db, ZipOutputStream zip, String sql, String folder) throws SQLException, IOException {
        int count = 0;
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setFetchSize(16);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String prefix = rs.getString(1).equals("logo") ? "" : rs.getString(1) + "/";
                    zip.putNextEntry(new ZipEntry(folder + prefix + safeName(rs.getString(2))));
                    zip.write(rs.getBytes(3));
                    zip.closeEntry();
                    count++;
                }
            }
        }
        return count;
    }

    /** A file name that stays inside its folder wherever the archive is unpacked: letters, digits, . _ - only. */
    static String safeName(String name) {
        String safe = name == null ? "" : name.replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceAll("^\\.+", "_");
        safe = safe.length() > 120 ? safe.substring(safe.length() - 120) : safe;
        return safe.isEmpty() ? "file" : safe;
    }

    private static String single(Connection db, String sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void text(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
