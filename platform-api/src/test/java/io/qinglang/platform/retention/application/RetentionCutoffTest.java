package io.qinglang.platform.retention.application;

import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantProfile;
import io.qinglang.platform.tenants.domain.TenantTemplate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionCutoffTest {

    private static Tenant in(String zone) {
        return new Tenant(TenantId.random(), new TenantProfile("x-body", "某机构", "A body", ZoneId.of(zone),
                "contact@x.example", null), TenantTemplate.INTERNET_CONTENT, new byte[32], Instant.EPOCH);
    }

    @Test
    void aCaseIsKeptForWholeCalendarMonthsCountedInTheBodysTimeZone() {
        // 2026-03-01 07:30 in Shanghai: a case that ended two years before, to the minute, is due
        Instant now = Instant.parse("2026-02-28T23:30:00Z");
        assertThat(RetentionPurge.cutoff(in("Asia/Shanghai"), now)).isEqualTo(Instant.parse("2024-02-29T23:30:00Z"));
        // the same instant is still 28 February in UTC: two years back is 28 February 2024
        assertThat(RetentionPurge.cutoff(in("UTC"), now)).isEqualTo(Instant.parse("2024-02-28T23:30:00Z"));
    }

    @Test
    void aLeapDayEndsOnTheLastDayOfFebruary() {
        Tenant body = in("UTC");
        body.reviseRetention(36);
        assertThat(RetentionPurge.cutoff(body, Instant.parse("2028-02-29T12:00:00Z")))
                .isEqualTo(Instant.parse("2025-02-28T12:00:00Z"));
    }
}
