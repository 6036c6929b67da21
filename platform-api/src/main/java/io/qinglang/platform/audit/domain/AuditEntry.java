package io.qinglang.platform.audit.domain;

import java.time.Instant;

/**
 * One event of a tenant's audit trail: who did what to which subject, when and why. {@code seq} numbers the
 * tenant's events from 1 without gaps; {@code prevHash} and {@code hash} link it into the tenant's chain.
 */
public record AuditEntry(long seq, Instant occurredAt, String actorKind, String actorId, String action,
                         String subjectType, String subjectId, String reason, String details, byte[] prevHash,
                         byte[] hash) {
}
