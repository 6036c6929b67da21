package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qinglang.admin.onboarding.application.TenantDepartures;
import io.qinglang.infra.identity.KeycloakOrganizationDirectory;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.qinglang.infra.it.CaseHandlingIT.body;
import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.platform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A body leaves the platform (issue 17, item 2): the operator closes a suspended body with a reason; during the grace
 * period it keeps its data and may stay after all; when the period ends its rows are deleted (its audit trail and
 * archived reports kept), its key shredded, its accounts and organization removed, and its portal page says it left.
 * Another body is untouched.
 */
class DepartureIT {

    private static final String REASON = "合同终止，机构退出平台 / the contract ended";

    @Test
    void aClosedBodyLeavesAfterItsGracePeriodWithOnlyItsAuditTrailLeft() throws Exception {
        Fixtures.TestTenant leaving = Fixtures.onboard("INTERNET_CONTENT");
        String handlerEmail = "handler@" + leaving.slug() + ".example";
        leaving.staffToken("handler");
        ObjectNode named = Fixtures.report("web", "fraud").put("anonymity", "CONFIDENTIAL");
        named.putObject("reporter").put("name", "张三丰");
        Api.Response sent = api().postMultipart("/api/v1/tenants/" + leaving.slug() + "/reports", "report", named,
                List.of(new Api.FilePart("evidence", "a.png", "image/png", Fixtures.png())), Api.Call.anonymous());
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String receipt = sent.json().get("receiptCode").asText();
        Fixtures.TestTenant staying = Fixtures.onboard("INTERNET_CONTENT");
        Fixtures.submitted(staying, Fixtures.report("web", "fraud"));
        Map<String, Long> stayingRows = rowsPerTable(staying.id());

        String platformPath = "/api/v1/platform/tenants/" + leaving.slug();
        Api.Call operator = new Api.Call().bearer(api().operatorToken());
        Api.Response whileActive = api().postJson(platformPath + "/leave", body().put("reason", REASON), operator);
        assertThat(whileActive.status()).as("an active body is suspended first").isEqualTo(409);
        assertThat(api().postJson(platformPath + "/suspend", body().put("reason", REASON), operator).status()).isEqualTo(200);
        for (ObjectNode bad : List.of(body(), body().put("reason", "退出"), body().put("reason", "x".repeat(1001)))) {
            Api.Response refused = api().postJson(platformPath + "/leave", bad, operator);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors").findValuesAsText("pointer")).containsExactly("/reason");
        }
        assertThat(api().postJson(platformPath + "/leave", body().put("reason", REASON),
                new Api.Call().bearer(leaving.adminToken())).status()).as("a body's admin is not the operator").isEqualTo(403);
        assertThat(api().postJson(platformPath + "/stay", body().put("reason", REASON), operator).status())
                .as("a body that is not leaving cannot stay").isEqualTo(409);

        Api.Response closed = api().postJson(platformPath + "/leave", body().put("reason", REASON), operator);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().get("status").asText()).isEqualTo("LEAVING");
        Instant leavesAt = Instant.parse(closed.json().get("leavesAt").asText());
        assertThat(leavesAt).isBetween(Instant.now().plus(29, ChronoUnit.DAYS), Instant.now().plus(31, ChronoUnit.DAYS));
        assertThat(api().postJson(platformPath + "/leave", body().put("reason", REASON), operator).status()).isEqualTo(409);
        assertThat(api().get("/t/" + leaving.slug() + "?lang=en", Api.Call.anonymous()).body())
                .contains("is leaving the platform");
        assertThat(Fixtures.submit(leaving, Fixtures.report("web", "fraud"), Api.Call.anonymous()).status())
                .as("no reports while leaving").isEqualTo(403);
        assertThat(departures().run()).as("nothing leaves before its grace period ends").isZero();
        assertThat(rows(leaving.id(), "cases")).isEqualTo(1);

        Api.Response stays = api().postJson(platformPath + "/stay", body().put("reason", "机构续约，继续使用平台"), operator);
        assertThat(stays.json().get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(api().postJson(platformPath + "/leave", body().put("reason", REASON), operator).status()).isEqualTo(200);

        // the grace period ends
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("update tenants set leaves_at = now() - interval '1 minute'"
                     + " where id = ?::uuid")) {
            s.setString(1, leaving.id());
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        assertThat(departures().run()).isGreaterThanOrEqualTo(1);

        Map<String, Long> left = rowsPerTable(leaving.id());
        assertThat(left.get("audit_events")).as("the audit trail stays").isPositive();
        left.remove("audit_events");
        left.remove("disclosure_reports");
        left.remove("disclosure_documents");
        assertThat(left).as("every other row of the body is gone").allSatisfy((table, count) ->
                assertThat(count).as(table).isZero());
        assertThat(rowsPerTable(staying.id())).as("another body is untouched").isEqualTo(stayingRows);
        try (Connection db = platform().ownerConnection();
             PreparedStatement s = db.prepareStatement("select status, left_at is not null, length(wrapped_data_key),"
                     + " organization_id from tenants where id = ?::uuid")) {
            s.setString(1, leaving.id());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("LEFT");
                assertThat(rs.getBoolean(2)).isTrue();
                assertThat(rs.getInt(3)).as("the data key is shredded").isZero();
                assertThat(rs.getString(4)).as("the organization is removed").isNull();
            }
        }
        assertThat(Fixtures.auditDetails(leaving, "TENANT_LEFT")).hasSize(1);
        assertThat(Fixtures.auditDetails(leaving, "TENANT_LEFT").getFirst()).contains("\"cases\":1", "\"evidence_content\":1");
        assertThat(Fixtures.auditDetails(leaving, "TENANT_ACCOUNTS_REMOVED")).hasSize(1);
        assertThat(CDI.current().select(AuditTrail.class).get().verify(new TenantId(UUID.fromString(leaving.id())))
                .intact()).as("its audit chain, still whole").isTrue();
        KeycloakOrganizationDirectory keycloak = CDI.current().select(KeycloakOrganizationDirectory.class).get();
        assertThat(keycloak.userIdByEmail(leaving.adminEmail())).as("the admin's account").isEmpty();
        assertThat(keycloak.userIdByEmail(handlerEmail)).as("the handler's account").isEmpty();
        assertThatThrownBy(() -> keycloak.memberIds(leaving.organizationId())).as("the organization").isNotNull();
        assertThat(keycloak.userIdByEmail(staying.adminEmail())).as("another body's admin").isPresent();

        Api.Response page = api().get("/t/" + leaving.slug() + "?lang=en", Api.Call.anonymous());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("left the platform on").doesNotContain("张三丰");
        Api.Response statistics = api().get("/t/" + leaving.slug() + "/statistics?lang=zh-CN", Api.Call.anonymous());
        assertThat(statistics.status()).isEqualTo(410);
        assertThat(statistics.body()).contains("已于").contains("退出本平台");
        assertThat(api().get("/api/v1/tenants/" + leaving.slug() + "/public-configuration", Api.Call.anonymous()).json()
                .get("departure").get("state").asText()).isEqualTo("LEFT");
        Api.Response tracked = Fixtures.track(leaving, receipt, Api.Call.anonymous());
        assertThat(tracked.status()).as("a receipt finds nothing any more").isIn(403, 404);
        assertThat(new String(tracked.bytes(), StandardCharsets.UTF_8)).doesNotContain("张三丰");
        assertThat(api().postJson(platformPath + "/stay", body().put("reason", "机构续约，继续使用平台"), operator)
                .status()).as("a body that left cannot stay").isEqualTo(409);
        assertThat(departures().run()).as("nothing leaves twice").isZero();

        Chromium browser = Chromium.start();
        try {
            browser.get(api().base() + "/t/" + leaving.slug() + "?lang=zh-CN");
            assertThat(browser.find("#departure").getText()).contains("已于").contains("退出本平台");
            ConsoleIT.look(browser, "portal-30-body-left-zh-CN");
            browser.get(api().base() + "/t/" + leaving.slug() + "?lang=en");
            assertThat(browser.find("#departure").getText()).contains("left the platform on");
            ConsoleIT.look(browser, "portal-30-body-left-en");
            browser.phoneShot("portal-30-body-left-en-phone");
        } finally {
            browser.close();
        }
    }

    private static TenantDepartures departures() {
        return CDI.current().select(TenantDepartures.class).get();
    }

    private static long rows(String tenant, String table) {
        return Fixtures.rows(table, tenant);
    }

    /** Every table with a tenant_id, and the tenant's rows in it. */
    private static Map<String, Long> rowsPerTable(String tenant) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection db = platform().ownerConnection();
             ResultSet rs = db.createStatement().executeQuery("select table_name from information_schema.columns"
                     + " where table_schema = current_schema() and column_name = 'tenant_id' order by 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        tables.forEach(table -> counts.put(table, rows(tenant, table)));
        return counts;
    }
}
