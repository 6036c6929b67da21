package io.qinglang.platform.cases.application;

import io.qinglang.platform.audit.application.AuditRecord;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.cases.domain.ActorKind;
import io.qinglang.platform.cases.domain.Case;
import io.qinglang.platform.cases.domain.CaseDeadline;
import io.qinglang.platform.cases.domain.CaseEvent;
import io.qinglang.platform.cases.domain.CaseEventType;
import io.qinglang.platform.cases.domain.CaseRepository;
import io.qinglang.platform.notifications.application.Notifier;
import io.qinglang.platform.notifications.domain.Audience;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * Raises deadline alerts at each stage's thresholds (by default 50 %, 80 % and 100 % of its time): the alert is
 * recorded on the case and in the audit trail and e-mailed to the assignee and the supervisors through the
 * outbox. Stages whose next alert is due are claimed with {@code FOR UPDATE SKIP LOCKED}, so runners on
 * several nodes never raise one alert twice. Thresholds passed together (the job was not running) make one
 * alert, for the highest.
 */
@ApplicationScoped
public class Escalation {

    static final int BATCH = 100;

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final CaseRepository cases;
    private final Notifier notifier;
    private final AuditTrail audit;

    @Inject
    public Escalation(TenantTransactions transactions, TenantRepository tenants, CaseRepository cases,
                      Notifier notifier, AuditTrail audit) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.cases = cases;
        this.notifier = notifier;
        this.audit = audit;
    }

    /** Raises every alert due at {@code now}; returns how many were raised. */
    public int run(Instant now) {
        int raised = 0;
        for (Tenant tenant : transactions.platform(tenants::list)) {
            Batch batch;
            do {
                batch = transactions.inTenant(tenant.id(), () -> raiseDue(tenant, now));
                raised += batch.raised();
            } while (batch.claimed() == BATCH);
        }
        return raised;
    }

    /** How many stages one transaction claimed, and how many alerts it raised. */
    private record Batch(int claimed, int raised) {
    }

    private Batch raiseDue(Tenant tenant, Instant now) {
        int raised = 0;
        List<CaseDeadline> claimed = cases.claimAlertsDue(now, BATCH);
        for (CaseDeadline deadline : claimed) {
            List<Integer> reached = deadline.thresholdsReached(now);
            if (reached.isEmpty()) {
                continue;
            }
            Case c = cases.find(deadline.caseId()).orElseThrow();
            reached.forEach(deadline::alertRaised);
            int percent = Collections.max(reached);
            String what = deadline.stage() + " " + percent + "% — due " + deadline.dueDate();
            cases.add(new CaseEvent(c.id(), CaseEventType.DEADLINE_ALERT, ActorKind.SYSTEM, false, what, now));
            audit.record(tenant.id(), new AuditRecord("SYSTEM", "escalation", "DEADLINE_ALERT", "CASE",
                    c.id().toString(), null, "{\"reference\":\"" + c.reference().value() + "\",\"stage\":\""
                    + deadline.stage() + "\",\"percent\":" + percent + "}"));
            String subject = (percent >= 100 ? "【已超期 Overdue】" : "【期限提醒 Deadline】") + c.reference().value()
                    + " " + deadline.stage() + " " + percent + "%";
            String body = "案件 " + c.reference().value() + " 的 " + deadline.stage() + " 阶段已用时 " + percent
                    + "%，期限 " + deadline.dueDate() + "（" + tenant.profile().timeZone() + "）。\n"
                    + "Case " + c.reference().value() + ": " + percent + "% of the " + deadline.stage()
                    + " period has passed; it is due on " + deadline.dueDate() + " (" + tenant.profile().timeZone()
                    + ").\n";
            notifier.staff(c.id().value(), "DEADLINE_ALERT", Audience.ASSIGNEE_AND_SUPERVISORS,
                    c.assignee().orElse(null), subject, body, now);
            raised++;
        }
        return new Batch(claimed.size(), raised);
    }
}
