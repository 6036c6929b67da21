package io.qinglang.platform.audit.domain;

import java.time.Instant;

/**
 * One event of a tenant's audit trail: who did what to which subject, when and why. Once sealed, {@code seq} numbers
 * the tenant's events from 1 without gaps and {@code prevHash} and {@code hash} link it into the tenant's chain; an
 * event waiting to be sealed has seq 0 and no hashes.
 */
public record AuditEntry(long seq, Instant occurredAt, String actorKind, String actorId, String action,
                         String subjectType, String subjectId, String reason, String details, byte[] prevHash,
                         byte[] hash) {

    /** An event as its writer stores it, waiting to be sealed into the chain. */
    public static AuditEntry waiting(Instant occurredAt, String actorKind, String actorId, String action,
                                     String subjectType, String subjectId, String reason, String details) {
        return new AuditEntry(0, occurredAt, actorKind, actorId, action, subjectType, subjectId, reason, details, null,
                null);
    }

    /** Whether the event has its place in the chain yet. */
    public boolean sealed() {
        return seq > 0;
    }
}
