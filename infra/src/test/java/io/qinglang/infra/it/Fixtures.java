package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Builders and steps shared by the integration tests: onboard a tenant, build and submit reports, count rows. */
public final class Fixtures {

    public static final String PASSWORD = "Test-Passw0rd!";

    private Fixtures() {
    }

    public static TestPlatform platform() {
        return TestPlatform.get();
    }

    public static Api api() {
        return platform().api();
    }

    /** A tenant onboarded through the API, with its admin able to sign in. */
    public record TestTenant(String slug, String id, String adminEmail, String organizationId) {
        public String adminToken() {
            return api().token(adminEmail, PASSWORD);
        }

        /** A young token of the staff member {@code name} made earlier with {@link #staffToken(String, String)}. */
        public String tokenOf(String name) {
            return api().token(name + "@" + slug + ".example", PASSWORD);
        }

        /** A staff member of this tenant with the role, able to sign in; returns a token. */
        public String staffToken(String role) {
            return staffToken(role, role);
        }

        /** A named staff member of this tenant with the role (e.g. a second handler), able to sign in. */
        public String staffToken(String name, String role) {
            String email = name + "@" + slug + ".example";
            jakarta.enterprise.inject.spi.CDI.current()
                    .select(io.qinglang.admin.onboarding.application.OrganizationDirectory.class).get()
                    .addMember(organizationId, email, "Test", role, java.util.Set.of(role));
            activateUser(email);
            return api().token(email, PASSWORD);
        }
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    public static ObjectNode onboarding(String slug, String template) {
        ObjectNode body = Api.object();
        body.put("slug", slug).put("nameZh", "测试机构 " + slug).put("nameEn", "Test body " + slug)
                .put("timeZone", "Asia/Shanghai").put("contactEmail", "contact@" + slug + ".example")
                .put("template", template);
        body.putObject("admin").put("email", "admin@" + slug + ".example").put("firstName", "Ada").put("lastName", "Admin");
        return body;
    }

    public static TestTenant onboard(String template) {
        String slug = uniqueSlug(template.substring(0, 2).toLowerCase(Locale.ROOT));
        Api.Response response = api().postJson("/api/v1/platform/tenants", onboarding(slug, template),
                new Api.Call().bearer(api().operatorToken()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String adminEmail = "admin@" + slug + ".example";
        activateUser(adminEmail);
        return new TestTenant(slug, response.json().get("id").asText(), adminEmail,
                response.json().get("organizationId").asText());
    }

    /** What the invited admin would do by following the e-mail: set a password, verify the address. */
    public static void activateUser(String email) {
        io.qinglang.infra.dev.DevAccounts.activate(platform().endpoints(), email, PASSWORD);
    }

    public static ObjectNode report(String channel, String category) {
        ObjectNode report = Api.object();
        report.put("channel", channel).put("category", category)
                .put("description", "某网站发布赌博广告 / A site advertises gambling.").put("anonymity", "ANONYMOUS");
        report.putObject("subject").put("type", "URL").put("value", "https://gambling.example/offer");
        return report;
    }

    public static Api.Response submit(TestTenant tenant, Object report, Api.Call call) {
        return api().remembering(api().postJson("/api/v1/tenants/" + tenant.slug() + "/reports", report, call));
    }

    public static JsonNode submitted(TestTenant tenant, Object report) {
        Api.Response response = submit(tenant, report, Api.Call.anonymous());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    public static Api.Response track(TestTenant tenant, String receipt, Api.Call call) {
        return api().postJson("/api/v1/tenants/" + tenant.slug() + "/tracking",
                Api.object().put("receiptCode", receipt), call);
    }

    /**
     * Wrong receipt codes from many addresses (so no per-address limit is reached) until the body's lookups ask for a
     * proof-of-work: from the 120th in a minute. The body stays flagged for ten minutes after.
     */
    public static void floodLookups(TestTenant tenant) {
        for (int flood = 0; ; flood++) {
            Api.Response r = track(tenant, "7KQ2-M9XD-4HTP-RW3C",
                    new Api.Call().from("10.66." + flood / 200 + "." + (flood % 200 + 1)));
            if (r.status() == 403) {
                return;
            }
            assertThat(r.status()).as("lookup " + flood + ": " + r.body()).isEqualTo(404);
            assertThat(flood).as("a proof asked for from the 120th lookup in a minute").isLessThan(300);
        }
    }

    /** A visit to a page with a form: the page, and the CSRF cookie and token it handed out. */
    public record FormVisit(Api.Response page, String cookie, String token) {
        /** The form's fields so far: its CSRF token. */
        public java.util.Map<String, String> fields() {
            java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
            fields.put("csrf", token);
            return fields;
        }

        /** A call carrying the visit's CSRF cookie, as the browser's post of the form would. */
        public Api.Call post() {
            return Api.Call.anonymous().header("Cookie", "qinglang_csrf=" + cookie);
        }
    }

    /** Opens a portal page with a form (the report form, the tracking page). */
    public static FormVisit visit(String path, Api.Call call) {
        Api.Response page = api().get(path, call);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(csrf.find()).as("the page's CSRF token").isTrue();
        return new FormVisit(page, page.header("Set-Cookie").replaceFirst("(?s).*qinglang_csrf=([^;]+).*", "$1"),
                csrf.group(1));
    }

    /** The report form filled in as a person would: an anonymous report about a web address. */
    public static java.util.Map<String, String> reportForm(FormVisit visit, String category, String address,
                                                          String description) {
        java.util.Map<String, String> fields = visit.fields();
        fields.put("category", category);
        fields.put("subjectType", "URL");
        fields.put("subjectValue", address);
        fields.put("description", description);
        fields.put("anonymity", "ANONYMOUS");
        return fields;
    }

    /** Rows of a tenant in a table, counted as the owner (no RLS), to prove what was or was not written. */
    public static long rows(String table, String tenantId) {
        return rows(table, tenantId, "true");
    }

    /** Rows of the tenant in {@code table} that match {@code condition}, an SQL expression written by the test. */
    public static long rows(String table, String tenantId, String condition) {
        try (Connection c = platform().ownerConnection();
             PreparedStatement s = c.prepareStatement("select count(*) from " + table + " where tenant_id = ?::uuid and ("
                     + condition + ")")) {
            s.setString(1, tenantId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts of every table a report writes to, for the tenant. */
    public static List<Long> written(String tenantId) {
        return List.of(rows("cases", tenantId), rows("case_events", tenantId), rows("evidence", tenantId),
                rows("evidence_content", tenantId), rows("idempotency_records", tenantId),
                rows("reference_counters", tenantId));
    }

    public static byte[] png() {
        return new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The JSON details of the tenant's audit events of this action, oldest first. */
    public static List<String> auditDetails(TestTenant tenant, String action) {
        return auditColumn(tenant, action, "details");
    }

    /** Seals the tenant's audit events waiting to be sealed, as the server's sequencer would within a second. */
    public static int sealAudit(TestTenant tenant) {
        return sealAudit(tenant.id());
    }

    /** Seals the audit events waiting at the tenant with this id. */
    public static int sealAudit(String tenantId) {
        return jakarta.enterprise.inject.spi.CDI.current()
                .select(io.qinglang.platform.audit.application.AuditSequencer.class).get()
                .sealNow(new io.qinglang.platform.shared.domain.TenantId(java.util.UUID.fromString(tenantId)));
    }

    /** The reasons recorded with a tenant's audit events of one action, in order. */
    public static List<String> auditReasons(TestTenant tenant, String action) {
        return auditColumn(tenant, action, "reason");
    }

    private static List<String> auditColumn(TestTenant tenant, String action, String column) {
        try (Connection c = platform().ownerConnection();
             PreparedStatement s = c.prepareStatement("select " + column + " from audit_events where tenant_id = ?::uuid "
                     + "and action = ? order by id")) {
            s.setString(1, tenant.id());
            s.setString(2, action);
            List<String> reasons = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reasons.add(rs.getString(1));
                }
            }
            return reasons;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
