package io.qinglang.infra.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.onboard;
import static io.qinglang.infra.it.Fixtures.platform;
import static io.qinglang.infra.it.Fixtures.report;
import static io.qinglang.infra.it.Fixtures.submitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailIT {

    @Test
    void everyIntakeAndAdditionIsAuditedInAnIntactChainWithoutReporterSecrets() throws Exception {
        Fixtures.TestTenant tenant = onboard("CONSUMER_COMPLAINTS");
        String code = submitted(tenant, report("web", "price")).get("receiptCode").asText();
        api().postJson("/api/v1/tenants/" + tenant.slug() + "/tracking/information",
                Api.object().put("receiptCode", code).put("message", "more"), Api.Call.anonymous());

        JsonNode verification = verify(tenant);
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("eventsVerified").asLong()).isEqualTo(3);
        assertThat(actions(tenant)).containsExactly("TENANT_ONBOARDED", "CASE_RECEIVED", "INFORMATION_ADDED");
        try (Connection c = platform().ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select string_agg(t::text, '') from audit_events t where tenant_id = '"
                     + tenant.id() + "'")) {
            rs.next();
            assertThat(rs.getString(1)).doesNotContain(code, code.replace("-", ""));
        }
    }

    @Test
    void concurrentIntakesExtendOneUnforkedChain() {
        Fixtures.TestTenant tenant = onboard("INTERNET_CONTENT");
        List<java.util.concurrent.CompletableFuture<Api.Response>> calls = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(() ->
                        Fixtures.submit(tenant, report("web", "fraud"), Api.Call.anonymous()))).toList();
        assertThat(calls.stream().map(java.util.concurrent.CompletableFuture::join).map(Api.Response::status))
                .containsOnly(201);
        JsonNode verification = verify(tenant);
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("eventsVerified").asLong()).isEqualTo(9);
    }

    @Test
    void tamperingWithOneRowIsDetectedAndNamed() throws Exception {
        Fixtures.TestTenant tenant = onboard("INTERNET_CONTENT");
        submitted(tenant, report("web", "fraud"));
        submitted(tenant, report("web", "gambling"));
        assertThat(command(tenant.slug())).startsWith("0 ").containsPattern("intact: [0-9]+ events verified");
        try (Connection c = platform().ownerConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_events disable trigger audit_events_append_only");
            s.executeUpdate("update audit_events set details = '{\"category\":\"other\"}' where tenant_id = '"
                    + tenant.id() + "' and seq = 2");
            s.execute("alter table audit_events enable trigger audit_events_append_only");
        }
        JsonNode verification = verify(tenant);
        assertThat(verification.get("intact").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(2);
        assertThat(verification.get("eventsVerified").asLong()).isEqualTo(1);
        assertThat(command(tenant.slug())).startsWith("2 ").contains("BROKEN at event 2");
        assertThat(command("no-such-tenant")).startsWith("1 ").contains("No tenant");
    }

    /** Runs ./qinglang audit-verify's main against the test database; returns "exit-status output". */
    private static String command(String slug) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        int status = io.qinglang.infra.persistence.AuditVerifyCommand.run(new String[]{slug}, print, print);
        return status + " " + out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theApplicationRoleAndEvenTheOwnerCannotChangeOrDeleteEvents() throws Exception {
        Fixtures.TestTenant tenant = onboard("EU_WHISTLEBLOWING");
        try (Connection c = platform().appConnection(); Statement s = c.createStatement()) {
            s.execute("select set_config('qinglang.tenant_id', '" + tenant.id() + "', false)");
            assertThatThrownBy(() -> s.executeUpdate("update audit_events set reason = 'x'")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_events")).hasMessageContaining("permission denied");
        }
        try (Connection c = platform().ownerConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_events where tenant_id = '" + tenant.id() + "'"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void onlyTheTenantsOwnAdminsMayVerify() {
        Fixtures.TestTenant a = onboard("INTERNET_CONTENT");
        Fixtures.TestTenant b = onboard("INTERNET_CONTENT");
        Api.Response other = api().get("/api/v1/tenants/" + b.slug() + "/audit/verification",
                new Api.Call().bearer(a.adminToken()));
        Api.Response operator = api().get("/api/v1/tenants/" + a.slug() + "/audit/verification",
                new Api.Call().bearer(api().operatorToken()));
        assertThat(other.status()).isEqualTo(403);
        assertThat(operator.status()).isEqualTo(403);
    }

    private static JsonNode verify(Fixtures.TestTenant tenant) {
        Api.Response response = api().get("/api/v1/tenants/" + tenant.slug() + "/audit/verification",
                new Api.Call().bearer(tenant.adminToken()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> actions(Fixtures.TestTenant tenant) throws Exception {
        List<String> actions = new ArrayList<>();
        try (Connection c = platform().ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select action from audit_events where tenant_id = '" + tenant.id()
                     + "' order by seq")) {
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
        }
        return actions;
    }
}
