package io.qinglang.platform.audit.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.platform.audit.domain.AuditChain;
import io.qinglang.platform.audit.domain.AuditEntry;
import io.qinglang.platform.audit.domain.AuditLog;
import io.qinglang.platform.audit.domain.AuditQuery;
import io.qinglang.platform.audit.domain.ChainHead;
import io.qinglang.platform.audit.domain.ChainLink;
import io.qinglang.platform.audit.domain.ChainSeqRefused;
import io.qinglang.platform.audit.domain.ChainVerification;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Records audit events in the caller's transaction (so an event exists exactly when its change does), verifies a
 * tenant's chain and reads its head. An event is written waiting to be sealed, without any lock its tenant's other writers
 * share; {@link AuditSequencer} seals it into the chain within seconds.
 */
@ApplicationScoped
public class AuditTrail {

    private static final int BATCH = 1_000;
    private static final Pattern SEQ = Pattern.compile("[0-9]+");

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

    /** The tenant's chain head, read now. */
    public ChainHead head(TenantId tenant) {
        return head(tenant, null, null).head();
    }

    /** The chain's head and, when a number was asked for, the link stored at it, read in one transaction. */
    public record HeadReading(ChainHead head, ChainLink atSeq) {
    }

    /**
     * The tenant's chain head, read now: its latest sealed event (events still waiting to be sealed are not in the
     * chain yet); and the link stored at event {@code seq} (as text, as it was asked for; none when null), so that
     * someone who kept that event's hash can compare. A number that is not a whole number from 1, or lies past the
     * head, is refused naming {@code pointer}.
     */
    public HeadReading head(TenantId tenant, String seq, String pointer) {
        Long wanted = seq == null ? null : seq(seq, pointer);
        return transactions.inTenant(tenant, () -> {
            ChainHead head = ChainHead.of(log.last().map(ChainLink::of).orElse(ChainLink.GENESIS),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            if (wanted == null) {
                return new HeadReading(head, null);
            }
            if (wanted > head.seq()) {
                throw ChainSeqRefused.beyondHead(pointer, head.seq());
            }
            // sealed events are numbered without gaps: one missing below the head was taken out, and has no hash
            return new HeadReading(head, log.link(wanted).orElse(new ChainLink(wanted, null, null)));
        });
    }

    /** A whole number from 1; one too long for a long lies past any head. */
    private static long seq(String text, String pointer) {
        if (!SEQ.matcher(text).matches() || text.chars().allMatch(c -> c == '0')) {
            throw ChainSeqRefused.invalid(pointer);
        }
        return text.length() > 18 ? Long.MAX_VALUE : Long.parseLong(text);
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
