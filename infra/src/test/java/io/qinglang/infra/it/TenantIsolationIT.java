package io.qinglang.infra.it;

import io.qinglang.infra.persistence.TenantEntities;
import io.qinglang.platform.cases.domain.Case;
import io.qinglang.platform.cases.domain.CaseRepository;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static io.qinglang.infra.it.Fixtures.api;
import static io.qinglang.infra.it.Fixtures.onboard;
import static io.qinglang.infra.it.Fixtures.platform;
import static io.qinglang.infra.it.Fixtures.report;
import static io.qinglang.infra.it.Fixtures.submitted;
import static io.qinglang.infra.it.Fixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantIsolationIT {

    static Fixtures.TestTenant a;
    static Fixtures.TestTenant b;

    @BeforeAll
    static void twoTenantsWithCases() {
        a = onboard("INTERNET_CONTENT");
        b = onboard("INTERNET_CONTENT");
        submitted(a, report("web", "fraud"));
        submitted(b, report("web", "fraud"));
    }

    @Test
    void aTokenOfTenantAIsRefusedOnTenantBsPaths() {
        Api.Response own = api().get("/api/v1/tenants/" + a.slug() + "/configuration", new Api.Call().bearer(a.adminToken()));
        Api.Response other = api().get("/api/v1/tenants/" + b.slug() + "/configuration", new Api.Call().bearer(a.adminToken()));
        assertThat(own.status()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("code").asText()).isEqualTo("TENANT_ACCESS_DENIED");
    }

    @Test
    void aReceiptOfTenantAPresentedAtTenantBFindsNothing() {
        String receiptOfA = submitted(a, report("web", "gambling")).get("receiptCode").asText();
        assertThat(track(a, receiptOfA, Api.Call.anonymous()).status()).isEqualTo(200);
        Api.Response atB = track(b, receiptOfA, Api.Call.anonymous());
        assertThat(atB.status()).isEqualTo(404);
        assertThat(atB.json().get("code").asText()).isEqualTo("RECEIPT_NOT_FOUND");
    }

    @Test
    void tenantDataOutsideATenantScopeFailsClosed() {
        TenantTransactions transactions = CDI.current().select(TenantTransactions.class).get();
        CaseRepository cases = CDI.current().select(CaseRepository.class).get();
        TenantEntities entities = CDI.current().select(TenantEntities.class).get();

        assertThatThrownBy(() -> transactions.platform(cases::count)).isInstanceOf(TenantEntities.NoTenantInScope.class);
        // Even queries that skip the scope check see no tenant's rows: the pooled connection carries no tenant.
        Number unscopedRows = transactions.platform(() ->
                (Number) entities.platform().createNativeQuery("select count(*) from cases").getSingleResult());
        assertThat(unscopedRows.longValue()).isZero();
        List<Case> unscopedEntities = new java.util.ArrayList<>();
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> unscopedEntities.addAll(
                transactions.platform(() -> entities.platform().createQuery("select c from Case c", Case.class).getResultList())));
        assertThat(refused != null || unscopedEntities.isEmpty()).as("refused or empty, was " + refused).isTrue();
        assertThat(transactions.inTenant(TenantId.of(a.id()), cases::count)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void everyTableWithATenantColumnHasForcedRowLevelSecurity() throws Exception {
        List<String> unguarded = new java.util.ArrayList<>();
        int tables = 0;
        try (Connection c = platform().ownerConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select t.relname, t.relrowsecurity, t.relforcerowsecurity, "
                     + "exists (select 1 from pg_policy p where p.polrelid = t.oid) from pg_class t "
                     + "join pg_namespace n on n.oid = t.relnamespace join pg_attribute a on a.attrelid = t.oid "
                     + "where n.nspname = current_schema() and t.relkind = 'r' and a.attname = 'tenant_id'")) {
            while (rs.next()) {
                tables++;
                if (!(rs.getBoolean(2) && rs.getBoolean(3) && rs.getBoolean(4))) {
                    unguarded.add(rs.getString(1));
                }
            }
        }
        assertThat(tables).isGreaterThanOrEqualTo(15);
        assertThat(unguarded).isEmpty();
    }

    @Test
    void directSqlUnderTenantAsRlsSettingSeesNoRowsOfB() throws Exception {
        try (Connection c = platform().appConnection(); Statement s = c.createStatement()) {
            s.execute("select set_config('qinglang.tenant_id', '" + a.id() + "', false)");
            assertThat(tenantsIn(s, "cases")).containsOnly(a.id());
            assertThat(tenantsIn(s, "channels")).containsOnly(a.id());
            assertThat(tenantsIn(s, "calendar_days")).containsOnly(a.id());
            assertThatThrownBy(() -> s.executeUpdate("insert into reference_counters values ('" + b.id() + "', 1999, 1)"))
                    .hasMessageContaining("row-level security");

            s.execute("select set_config('qinglang.tenant_id', '', false)");
            assertThat(tenantsIn(s, "cases")).isEmpty();
            try (ResultSet rs = s.executeQuery("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isFalse();
                assertThat(rs.getBoolean(2)).isFalse();
            }
        }
    }

    private static List<String> tenantsIn(Statement s, String table) throws Exception {
        List<String> tenants = new java.util.ArrayList<>();
        try (ResultSet rs = s.executeQuery("select distinct tenant_id from " + table)) {
            while (rs.next()) {
                tenants.add(rs.getString(1));
            }
        }
        return tenants;
    }
}
