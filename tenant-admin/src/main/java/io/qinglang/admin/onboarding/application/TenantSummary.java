package io.qinglang.admin.onboarding.application;

import io.qinglang.platform.tenants.domain.Tenant;

import java.time.Instant;

/** A tenant as the platform operator sees it. */
public record TenantSummary(String id, String slug, String nameZh, String nameEn, String timeZone, String template,
                            String status, String contactEmail, String organizationId, Instant createdAt,
                            Boolean invitationSent, Instant leavesAt, Instant leftAt) {

    public static TenantSummary of(Tenant t) {
        return of(t, null);
    }

    public static TenantSummary of(Tenant t, Boolean invitationSent) {
        return new TenantSummary(t.id().toString(), t.slug(), t.profile().nameZh(), t.profile().nameEn(),
                t.zone().getId(), t.template().name(), t.status().name(), t.profile().contactEmail(),
                t.organizationId(), t.createdAt(), invitationSent, t.leavesAt().orElse(null), t.leftAt().orElse(null));
    }
}
