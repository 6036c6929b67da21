package io.qinglang.platform.retention.application;

import io.qinglang.platform.audit.application.AuditRecord;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.notifications.application.Notifier;
import io.qinglang.platform.retention.domain.PurgeCandidate;
import io.qinglang.platform.retention.domain.PurgeCounts;
import io.qinglang.platform.retention.domain.PurgeStore;
import io.qinglang.platform.retention.domain.RetentionOutlook;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The archive rule (DESIGN.md "Archive"; PIPL Art. 19 and 47): once an ended case's retention is over, its personal
 * data is erased — the reporter's identity and contact, the evidence files, the free text on its timeline, its
 * decisions' reasons and its rewards' payment details — and its record stays: reference, dates, category, channel,
 * state, outcome and deadlines, so the statistics and the audit trail are unchanged. Cases are claimed in batches with
 * {@code SKIP LOCKED}, each batch in one transaction with its audit event (its counts and the references purged), so
 * any number of nodes may run the purge and none erases a case twice. The body's admins are told what each run did.
 * Security and access logs are not touched here (CSL Art. 23(3): kept at least six months).
 */
@ApplicationScoped
public class RetentionPurge {

    static final int BATCH = 100;
    /** How long the answer to an idempotent request is kept for a client's retry. */
    public static final Duration IDEMPOTENT_ANSWERS_KEPT = Duration.ofDays(7);
    private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final PurgeStore store;
    private final AuditTrail audit;
    private final Notifier notifier;

    @Inject
    public RetentionPurge(TenantTransactions transactions, TenantRepository tenants, PurgeStore store, AuditTrail audit, Notifier notifier) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.store = store;
        this.audit = audit;
        this.notifier = notifier;
    }

    /** Purges every body's cases whose retention is over at {@code now}; returns how many cases were purged. */
    public int run(Instant now) {
        int purged = 0;
        for (Tenant tenant : transactions.platform(tenants::list)) {
            purged += purge(tenant, now).cases();
        }
        return purged;
    }

    /** The first instant of an ended case that is still kept at {@code now}: its end minus the body's retention. */
    public static Instant cutoff(Tenant tenant, Instant now) {
        return now.atZone(tenant.zone()).minusMonths(tenant.retentionMonths()).toInstant();
    }

    /** Where the body's retention stands at {@code now}. */
    public RetentionOutlook outlook(Tenant tenant, Instant now) {
        return transactions.inTenant(tenant.id(), () -> store.outlook(cutoff(tenant, now),
                cutoff(tenant, now.plus(Duration.ofDays(30))), now));
    }

    private PurgeCounts purge(Tenant tenant, Instant now) {
        Instant cutoff = cutoff(tenant, now);
        PurgeCounts total = PurgeCounts.NONE;
        int claimed;
        do {
            PurgeCounts batch = transactions.inTenant(tenant.id(), () -> {
                List<PurgeCandidate> due = store.claimDue(cutoff, now, BATCH);
                if (due.isEmpty()) {
                    return PurgeCounts.NONE;
                }
                PurgeCounts counts = store.purge(due, now);
                audit.record(tenant.id(), new AuditRecord("SYSTEM", "retention", "CASES_PURGED", "TENANT",
                        tenant.id().toString(), "retention of " + tenant.retentionMonths() + " months ended",
                        details(counts, due)));
                return counts;
            });
            claimed = batch.cases();
            total = total.plus(batch);
        } while (claimed == BATCH);
        PurgeCounts done = total;
        transactions.inTenant(tenant.id(), () -> {
            store.forgetIdempotentAnswers(now.minus(IDEMPOTENT_ANSWERS_KEPT));
            if (done.cases() > 0) {
                tellAdmins(tenant, done, now);
            }
        });
        if (done.cases() > 0) {
            LOG.info("Retention: " + done.cases() + " case(s) of " + tenant.slug() + " purged, "
                    + done.evidenceFiles() + " evidence file(s) deleted");
        }
        return done;
    }

    private static String details(PurgeCounts counts, List<PurgeCandidate> due) {
        return "{\"cases\":" + counts.cases() + ",\"identities\":" + counts.identities() + ",\"contacts\":"
                + counts.contacts() + ",\"evidenceFiles\":" + counts.evidenceFiles() + ",\"evidenceBytes\":"
                + counts.evidenceBytes() + ",\"texts\":" + counts.texts() + ",\"paymentDetails\":"
                + counts.paymentDetails() + ",\"references\":["
                + due.stream().map(c -> "\"" + c.reference() + "\"").collect(Collectors.joining(",")) + "]}";
    }

    private void tellAdmins(Tenant tenant, PurgeCounts counts, Instant now) {
        String subject = "【保存期满清除 Retention purge】" + counts.cases() + " 件 / case(s)";
        String body = "保存期（" + tenant.retentionMonths() + " 个月）已满，以下内容已从 " + counts.cases()
                + " 件已结案件中清除：举报人身份 " + counts.identities() + " 项、联系方式 " + counts.contacts()
                + " 项、证据文件 " + counts.evidenceFiles() + " 个（" + counts.evidenceBytes() + " 字节）、文字内容 "
                + counts.texts() + " 段、奖励支付信息 " + counts.paymentDetails() + " 项。案件记录、统计数据和审计日志保留不变；"
                + "被清除案件的编号见审计日志（CASES_PURGED）。\n\n"
                + "The retention period (" + tenant.retentionMonths() + " months) ended for " + counts.cases()
                + " case(s); erased: " + counts.identities() + " reporter identit(ies), " + counts.contacts()
                + " contact(s), " + counts.evidenceFiles() + " evidence file(s) (" + counts.evidenceBytes()
                + " bytes), " + counts.texts() + " text(s) and " + counts.paymentDetails()
                + " reward payment detail(s). The cases' records, the statistics and the audit trail are kept; the "
                + "audit trail (CASES_PURGED) lists the references purged.\n";
        notifier.tenantAdmins("CASES_PURGED", subject, body, now);
    }
}
