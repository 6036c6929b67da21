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
 * verifies a tenant's chain. An event is written waiting to be sealed, without any lock its tenant's other writers
 * share; {@link AuditSequencer} seals it into the chain within seconds.
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

    /**
     * Adds to the trail of the tenant in scope, waiting to be sealed; call inside that tenant's transaction.
     * {@code tenant} names the trail the caller means: it must be the one in scope.
     */
    public void record(TenantId tenant, AuditRecord what) {
        log.write(AuditEntry.waiting(clock.instant().truncatedTo(ChronoUnit.MICROS), what.actorKind(), what.actorId(),
                what.action(), what.subjectType(), what.subjectId(), what.reason(), what.details()));
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
            return chain.result().withWaiting(log.waitingCount());
        });
    }
}
