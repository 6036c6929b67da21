package io.qinglang.platform.audit.domain;

import java.util.List;
import java.util.Optional;

/** The stored audit trail of the tenant in scope; events can be added and read, never changed. */
public interface AuditLog {

    /** The tenant's latest event, with the tenant's trail locked until the transaction ends. */
    Optional<AuditEntry> lockLast();

    void append(AuditEntry entry);

    /** When the tenant's latest event happened, if it has any; no lock taken. */
    Optional<java.time.Instant> lastOccurredAt();

    /** Events after {@code afterSeq}, in order, at most {@code limit}. */
    List<AuditEntry> after(long afterSeq, int limit);

    /** Events that match, newest first. */
    List<AuditEntry> search(AuditQuery query);
}
