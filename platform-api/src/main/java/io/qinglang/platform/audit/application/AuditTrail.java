package io.qinglang.platform.audit.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.platform.audit.domain.AuditChain;
import io.qinglang.platform.audit.domain.AuditEntry;
import io.qinglang.platform.audit.domain.AuditLog;
import io.qinglang.platform.audit.domain.AuditQuery;
import io.qinglang.platform.audit.domain.ChainVerification;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Records audit events in the caller's transaction (so an event exists exactly when its change does) and
 * verifies a tenant's chain. Appends are serialised per tenant by locking the chain's head.
 */
@ApplicationScoped
public class AuditTrail {

    private static final int BATCH = 1_000;

    private final AuditLog log;
    private final TenantTransactions transactions;
    private final Clock clock;
    private final ObjectMapper json;

    @Inject
    public AuditTrail(AuditLog log, TenantTransactions transactions, Clock clock, ObjectMapper json) {
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Records a change a member of staff made to the tenant's set-up (configuration, staff), with what was set as
     * JSON details; call inside that tenant's transaction.
     */
    public void recordStaffChange(TenantId tenant, String actor, String action, String subjectType, String subjectId,
                                  Object details) {
        try {
            record(tenant, new AuditRecord("STAFF", actor, action, subjectType, subjectId, null,
                    json.writeValueAsString(details)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details not serialisable", e);
        }
    }

    /** Appends to the trail of the tenant in scope; call inside that tenant's transaction. */
    public void record(TenantId tenant, AuditRecord what) {
        AuditEntry last = log.lockLast().orElse(null);
        long seq = last == null ? 1 : last.seq() + 1;
        byte[] previous = last == null ? AuditChain.GENESIS : last.hash();
        AuditEntry entry = new AuditEntry(seq, clock.instant().truncatedTo(ChronoUnit.MICROS), what.actorKind(),
                what.actorId(), what.action(), what.subjectType(), what.subjectId(), what.reason(), what.details(),
                previous, null);
        log.append(withHash(tenant, entry, previous));
    }

    /** The tenant's events that match, newest first. */
    public List<AuditEntry> search(TenantId tenant, AuditQuery query) {
        return transactions.inTenant(tenant, () -> log.search(query));
    }

    /** When anything last happened at the tenant (every report received and every change is an event). */
    public java.util.Optional<java.time.Instant> lastEventAt(TenantId tenant) {
        return transactions.inTenant(tenant, log::lastOccurredAt);
    }

    public ChainVerification verify(TenantId tenant) {
        return transactions.inTenant(tenant, () -> {
            AuditChain chain = new AuditChain(tenant);
            long after = 0;
            for (List<AuditEntry> batch = log.after(after, BATCH); !batch.isEmpty(); batch = log.after(after, BATCH)) {
                batch.forEach(chain::accept);
                after = batch.getLast().seq();
            }
            return chain.result();
        });
    }

    private static AuditEntry withHash(TenantId tenant, AuditEntry e, byte[] previous) {
        return new AuditEntry(e.seq(), e.occurredAt(), e.actorKind(), e.actorId(), e.action(), e.subjectType(),
                e.subjectId(), e.reason(), e.details(), previous, AuditChain.hash(tenant, e, previous));
    }
}
