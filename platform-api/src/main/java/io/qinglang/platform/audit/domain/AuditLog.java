package io.qinglang.platform.audit.domain;

import java.util.List;
import java.util.Optional;

/**
 * The stored audit trail of the tenant in scope; events can be added, sealed once and read, never otherwise changed.
 * Writers add events waiting to be sealed and share no lock; one sequencer at a time seals them into the chain.
 */
public interface AuditLog {

    /** Stores an event waiting to be sealed ({@link AuditEntry#waiting}) in the caller's transaction. */
    void write(AuditEntry waiting);

    /**
     * Claims the tenant's chain for sealing until the transaction ends; with {@code wait} false, gives up at once
     * (returning false) when another transaction holds it.
     */
    boolean claimChain(boolean wait);

    /** The tenant's latest sealed event. */
    Optional<AuditEntry> last();

    /** The link of the tenant's sealed event {@code seq}, if there is one. */
    Optional<ChainLink> link(long seq);

    /** Events waiting to be sealed, in the order they were written, at most {@code limit}. */
    List<Waiting> waiting(int limit);

    /** How many events wait to be sealed. */
    long waitingCount();

    /** Seals the waiting event {@code id} as {@code sealed} (its seq and hashes); call holding the chain. */
    void seal(long id, AuditEntry sealed);

    /** When the tenant's latest event happened, if it has any; no lock taken. */
    Optional<java.time.Instant> lastOccurredAt();

    /** Sealed events after {@code afterSeq}, in order, at most {@code limit}. */
    List<AuditEntry> after(long afterSeq, int limit);

    /** Events that match, newest first: those waiting to be sealed before the sealed ones. */
    List<AuditEntry> search(AuditQuery query);

    /** An event waiting to be sealed and the number it was written under. */
    record Waiting(long id, AuditEntry entry) {
    }
}
