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

        JsonNode waiting = verify(tenant);
        assertThat(waiting.get("intact").asBoolean()).isTrue();
        assertThat(waiting.get("eventsVerified").asLong()).isZero();
        assertThat(waiting.get("eventsWaiting").asLong()).isEqualTo(3);
        assertThat(command(tenant.slug())).startsWith("0 ").contains("3 newer event(s) are stored and waiting");

        assertThat(Fixtures.sealAudit(tenant)).isEqualTo(3);
        JsonNode verification = verify(tenant);
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("eventsVerified").asLong()).isEqualTo(3);
        assertThat(verification.get("eventsWaiting").asLong()).isZero();
        assertThat(actions(tenant)).containsExactly("TENANT_ONBOARDED", "CASE_RECEIVED", "INFORMATION_ADDED");
        assertThat(Fixtures.sealAudit(tenant)).as("nothing is sealed twice").isZero();
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
        assertThat(verify(tenant).get("eventsWaiting").asLong()).isEqualTo(9);
        assertThat(Fixtures.sealAudit(tenant)).isEqualTo(9);
        JsonNode verification = verify(tenant);
        assertThat(verification.get("intact").asBoolean()).isTrue();
        assertThat(verification.get("eventsVerified").asLong()).isEqualTo(9);
        assertThat(sealedInWriteOrder(tenant)).isTrue();
    }

    /** Whether the tenant's events, numbered 1, 2, … without a gap, are numbered in the order they were written. */
    static boolean sealedInWriteOrder(Fixtures.TestTenant tenant) {
        try (Connection c = platform().ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select bool_and(seq = n) from (select seq, row_number() over (order by id) n "
                     + "from audit_events where tenant_id = '" + tenant.id() + "') t")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void tamperingWithOneRowIsDetectedAndNamed() throws Exception {
        Fixtures.TestTenant tenant = onboard("INTERNET_CONTENT");
        submitted(tenant, report("web", "fraud"));
        submitted(tenant, report("web", "gambling"));
        Fixtures.sealAudit(tenant);
        assertThat(command(tenant.slug())).startsWith("0 ").containsPattern("intact: [0-9]+ events verified");
        try (Connection c = platform().ownerConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_events disable trigger audit_events_sealed_once");
            s.executeUpdate("update audit_events set details = '{\"category\":\"other\"}' where tenant_id = '"
                    + tenant.id() + "' and seq = 2");
            s.execute("alter table audit_events enable trigger audit_events_sealed_once");
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
    void theApplicationRoleAndEvenTheOwnerCannotChangeOrDeleteEventsAndAnEventIsSealedOnlyOnce() throws Exception {
        Fixtures.TestTenant tenant = onboard("EU_WHISTLEBLOWING");
        submitted(tenant, report("web", "other"));
        Fixtures.sealAudit(tenant);
        submitted(tenant, report("web", "other")); // one event waiting
        try (Connection c = platform().appConnection(); Statement s = c.createStatement()) {
            s.execute("select set_config('qinglang.tenant_id', '" + tenant.id() + "', false)");
            assertThatThrownBy(() -> s.executeUpdate("update audit_events set reason = 'x'")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_events")).hasMessageContaining("permission denied");
            // the seal columns are the application's to write, once: a sealed event cannot be sealed again
            assertThatThrownBy(() -> s.executeUpdate("update audit_events set hash = prev_hash where seq = 1"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("update audit_events set seq = null, prev_hash = null, hash = null "
                    + "where seq = 2")).hasMessageContaining("append-only");
        }
        try (Connection c = platform().ownerConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("delete from audit_events where tenant_id = '" + tenant.id() + "'"))
                    .hasMessageContaining("append-only");
            // even the owner can change a waiting event only by sealing it, nothing else of it
            assertThatThrownBy(() -> s.executeUpdate("update audit_events set details = '{}', seq = 99, "
                    + "prev_hash = '\\x00', hash = '\\x00' where seq is null and tenant_id = '" + tenant.id() + "'"))
                    .hasMessageContaining("append-only");
        }
        assertThat(Fixtures.sealAudit(tenant)).isEqualTo(1);
        assertThat(verify(tenant).get("eventsVerified").asLong()).isEqualTo(3);
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
                     + "' order by seq nulls last, id")) {
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
        }
        return actions;
    }
}
