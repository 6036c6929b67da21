package io.qinglang.admin.onboarding.application;

import java.time.Instant;

/** A tenant in the operator's list: its summary and when anything last happened there (null: nothing yet). */
public record TenantOverview(TenantSummary tenant, Instant lastActivity) {
}
