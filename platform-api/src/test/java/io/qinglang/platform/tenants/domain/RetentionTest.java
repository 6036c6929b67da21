package io.qinglang.platform.tenants.domain;

import io.qinglang.platform.shared.domain.TenantId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionTest {

    private static Tenant on(TenantTemplate template) {
        return new Tenant(TenantId.random(), new TenantProfile("city-cac", "市网信办", "City CAC",
                ZoneId.of("Asia/Shanghai"), "contact@city.example", null), template, new byte[32],
                Instant.parse("2026-01-05T02:00:00Z"));
    }

    @ParameterizedTest
    @EnumSource(TenantTemplate.class)
    void aBodyStartsWithItsTemplatesRetentionNeverUnderTwoYears(TenantTemplate template) {
        Tenant tenant = on(template);
        assertThat(tenant.retentionMonths()).isEqualTo(template.retentionMonths())
                .isGreaterThanOrEqualTo(Tenant.MIN_RETENTION_MONTHS);
        assertThat(on(TenantTemplate.EU_WHISTLEBLOWING).retentionMonths()).isEqualTo(60);
    }

    @ParameterizedTest
    @ValueSource(ints = {23, 0, -1, 361})
    void aRetentionOutsideTwoToThirtyYearsIsRefused(int months) {
        Tenant tenant = on(TenantTemplate.CONSUMER_COMPLAINTS);
        assertThatThrownBy(() -> tenant.reviseRetention(months)).isInstanceOf(IllegalArgumentException.class);
        assertThat(tenant.retentionMonths()).isEqualTo(24);
        tenant.reviseRetention(36);
        assertThat(tenant.retentionMonths()).isEqualTo(36);
    }
}
