package io.qinglang.platform.tenants.domain;

import io.qinglang.platform.shared.domain.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantStatusTest {

    private static Tenant anActiveTenant() {
        return new Tenant(TenantId.random(), new TenantProfile("city-cac", "市网信办", "City CAC",
                ZoneId.of("Asia/Shanghai"), "contact@city.example", null), TenantTemplate.INTERNET_CONTENT,
                new byte[32], Instant.parse("2026-01-05T02:00:00Z"));
    }

    @Test
    void aSuspendedTenantRefusesReportsUntilReactivated() {
        Tenant tenant = anActiveTenant();
        tenant.suspend();
        assertThat(tenant.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThatThrownBy(tenant::requireAcceptingReports).isInstanceOf(TenantSuspended.class);
        tenant.reactivate();
        assertThat(tenant.status()).isEqualTo(TenantStatus.ACTIVE);
        tenant.requireAcceptingReports();
    }

    @Test
    void suspendingTwiceIsRefusedAsAConflictNamingTheStatus() {
        Tenant tenant = anActiveTenant();
        tenant.suspend();
        assertThatThrownBy(tenant::suspend).isInstanceOfSatisfying(TenantStatusUnchanged.class, e -> {
            assertThat(e.status()).isEqualTo(TenantStatus.SUSPENDED);
            assertThat(e.kind()).isEqualTo(io.qinglang.platform.shared.domain.DomainException.Kind.CONFLICT);
            assertThat(e.code()).isEqualTo("TENANT_STATUS_UNCHANGED");
        });
    }

    @Test
    void reactivatingAnActiveTenantIsRefused() {
        assertThatThrownBy(anActiveTenant()::reactivate).isInstanceOf(TenantStatusUnchanged.class)
                .hasMessageContaining("already active");
    }
}
