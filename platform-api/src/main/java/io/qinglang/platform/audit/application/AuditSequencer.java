package io.qinglang.platform.audit.application;

import io.qinglang.platform.audit.domain.AuditChain;
import io.qinglang.platform.audit.domain.AuditEntry;
import io.qinglang.platform.audit.domain.AuditLog;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;

/**
 * Seals the events waiting in each tenant's audit trail into its hash chain, the way a certificate-transparency log
 * sequences entries: writers only queue their events; here, in batches, each tenant's waiting events get the next
 * sequence numbers in the order they were written, each hash covering the one before. A batch is one transaction
 * holding the tenant's chain, so a sequencer stopped mid-batch seals nothing of it and the next run seals the same
 * events; two nodes never seal one tenant's events at once (the second skips it, or waits if told to).
 *
 * <p>Order: an event written after another event's transaction committed was numbered after it (the write order is
 * a database sequence), so whatever caused what is sealed in that order, and one transaction's events keep their
 * order. Events of transactions that ran at the same time have no order of their own: each is sealed in the first
 * batch that sees it committed, so one that committed late may follow events written after it.
 */
@ApplicationScoped
public class AuditSequencer {

    static final int BATCH = 500;

    private final AuditLog log;
    private final TenantTransactions transactions;

    @Inject
    public AuditSequencer(AuditLog log, TenantTransactions transactions) {
        this.log = log;
        this.transactions = transactions;
    }

    /** Seals these tenants' waiting events, skipping a tenant whose chain another node is sealing; returns how many. */
    public int sealWaiting(Collection<TenantId> tenants) {
        int sealed = 0;
        for (TenantId tenant : tenants) {
            sealed += seal(tenant, false);
        }
        return sealed;
    }

    /**
     * Seals the tenant's waiting events now, waiting for a sealer at work on them to finish; for work that needs the
     * whole chain (an export). Returns how many this call sealed.
     */
    public int sealNow(TenantId tenant) {
        return seal(tenant, true);
    }

    private int seal(TenantId tenant, boolean wait) {
        int total = 0;
        for (int sealed = BATCH; sealed == BATCH; total += sealed) {
            sealed = transactions.inTenant(tenant, () -> sealBatch(tenant, wait));
        }
        return total;
    }

    private int sealBatch(TenantId tenant, boolean wait) {
        if (log.waitingCount() == 0 || !log.claimChain(wait)) {
            return 0;
        }
        List<AuditLog.Waiting> waiting = log.waiting(BATCH); // read again holding the chain: another may have sealed
        AuditEntry last = log.last().orElse(null);
        long seq = last == null ? 0 : last.seq();
        byte[] previous = last == null ? AuditChain.GENESIS : last.hash();
        for (AuditLog.Waiting event : waiting) {
            AuditEntry sealed = AuditChain.seal(tenant, event.entry(), ++seq, previous);
            log.seal(event.id(), sealed);
            previous = sealed.hash();
        }
        return waiting.size();
    }
}
