package io.qinglang.platform.cases.application;

import io.qinglang.platform.audit.application.AuditRecord;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.cases.domain.ActorKind;
import io.qinglang.platform.cases.domain.CaseDeadline;
import io.qinglang.platform.cases.domain.CaseEvent;
import io.qinglang.platform.cases.domain.CaseEventType;
import io.qinglang.platform.cases.domain.CaseId;
import io.qinglang.platform.cases.domain.CaseRepository;
import io.qinglang.platform.cases.domain.CaseRuleViolation;
import io.qinglang.platform.cases.domain.EvidenceFile;
import io.qinglang.platform.cases.domain.ReceiptNotFound;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Receipt tracking: the reporter presents the receipt code and sees their case, adds information and
 * downloads their own files. Lookups are rate-limited per client address and per tenant, and a wrong code
 * and an unknown tenant take the same path and give the same answer.
 */
@ApplicationScoped
public class TrackingService {

    private final CaseRepository cases;
    private final EvidenceIntake evidence;
    private final AuditTrail audit;
    private final CaseDeadlines deadlines;
    private final CalendarGaps calendarGaps;
    private final Referrals referrals;
    private final Clock clock;
    private final ReceiptHolders holders;
    private final ReporterViews views;

    @Inject
    public TrackingService(CaseRepository cases, EvidenceIntake evidence, AuditTrail audit, CaseDeadlines deadlines,
                           CalendarGaps calendarGaps, Referrals referrals, Clock clock, ReceiptHolders holders,
                           ReporterViews views) {
        this.holders = holders;
        this.views = views;
        this.referrals = referrals;
        this.calendarGaps = calendarGaps;
        this.deadlines = deadlines;
        this.cases = cases;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
    }

    /** The case a receipt opens, for a lookup from {@code clientAddress} with its proof-of-work ({@code proof}, or null). */
    public CaseTracking track(String tenantSlug, String clientAddress, String proof, String receiptCode) {
        return complete(holders.view(holders.admit(tenantSlug, clientAddress, proof), receiptCode));
    }

    /** A case a reporter's request changed, in its tenant's transaction: shown once that has committed. */
    private record Changed(TenantId tenant, CaseId id) {
    }

    private CaseTracking shown(Changed changed) {
        return complete(views.byId(changed.tenant(), changed.id()).orElseThrow(ReceiptNotFound::new));
    }

    /** Adds the progress at the body a case was referred to, read in that body's scope. */
    private CaseTracking complete(ReporterViews.ReporterView shown) {
        if (!shown.referredOnPlatform()) {
            return shown.view();
        }
        return referrals.status(shown.tenant(), shown.caseId()).map(s -> shown.view().withReferral(
                new CaseTracking.Referral(s.to(), s.reference(), s.status(), s.outcome() == null ? null
                        : new CaseTracking.TrackedDecision(s.outcome(), s.reasons(), s.decidedAt()))))
                .orElse(shown.view());
    }

    public CaseTracking addInformation(String tenantSlug, String clientAddress, String proof,
                                       TrackingRequests.AddInformation request, List<EvidenceFile> files) {
        request.validate();
        return shown(withCase(tenantSlug, clientAddress, proof, request.receiptCode(), informationAdded(request, files)));
    }

    /** The reporter appeals a closed case within the appeal window that opened with the feedback. */
    public CaseTracking appeal(String tenantSlug, String clientAddress, String proof, TrackingRequests.Appeal request) {
        request.validate();
        return shown(withCase(tenantSlug, clientAddress, proof, request.receiptCode(), appealed(request)));
    }

    /** The case page after a reporter's request: the case as it stands, and why the request was refused, if it was. */
    public record Answer(CaseTracking view, Optional<DomainException> refusal) {
    }

    /**
     * A request from the portal's case page, on one lookup (one proof-of-work while one is asked for): a request
     * refused for what was typed or for the case's state leaves the case as it was, and the case is read again for
     * the page without a second lookup, so a solved challenge serves exactly the request it was solved for.
     */
    public Answer act(String tenantSlug, String clientAddress, String proof, TrackingRequests.WithReceipt request,
                      List<EvidenceFile> files) {
        ReceiptHolders.Admission admission = holders.admit(tenantSlug, clientAddress, proof);
        ReporterSecrets.parseReceipt(request.receiptCode());
        try {
            request.validate();
            return new Answer(answer(admission, request, files), Optional.empty());
        } catch (ReceiptNotFound notFound) {
            throw notFound;
        } catch (DomainException refused) {
            return new Answer(complete(holders.view(admission, request.receiptCode())), Optional.of(refused));
        }
    }

    private CaseTracking answer(ReceiptHolders.Admission admission, TrackingRequests.WithReceipt request,
                                List<EvidenceFile> files) {
        return switch (request) {
            case TrackingRequests.AddInformation add ->
                    shown(holders.admitted(admission, add.receiptCode(), informationAdded(add, files)));
            case TrackingRequests.Appeal appeal -> shown(holders.admitted(admission, appeal.receiptCode(), appealed(appeal)));
            case TrackingRequests.Lookup lookup -> complete(holders.view(admission, lookup.receiptCode()));
        };
    }

    private ReceiptHolders.CaseWork<Changed> informationAdded(TrackingRequests.AddInformation request,
                                                              List<EvidenceFile> files) {
        return (tenant, c) -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            c.acceptReporterInformation(now);
            if (c.stopWaiting(now).isPresent()) {
                CaseClock caseClock = new CaseClock(deadlines.rules(tenant), cases, c);
                caseClock.resume(now);
                calendarGaps.warnIfNeeded(tenant, c, caseClock, now);
            }
            CaseEvent added = new CaseEvent(c.id(), CaseEventType.INFORMATION_ADDED, ActorKind.REPORTER, true,
                    request.message(), now);
            cases.add(added);
            evidence.attach(tenant.id(), c.id(), added.id(), files, ActorKind.REPORTER, now);
            audit.record(tenant.id(), AuditRecord.byReporter("INFORMATION_ADDED", c.id().toString(),
                    "{\"files\":" + files.size() + "}"));
            return new Changed(tenant.id(), c.id());
        };
    }

    private ReceiptHolders.CaseWork<Changed> appealed(TrackingRequests.Appeal request) {
        return (tenant, c) -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            CaseClock caseClock = new CaseClock(deadlines.rules(tenant), cases, c);
            CaseDeadline window = caseClock.running(DeadlineStage.APPEAL_WINDOW).orElseThrow(() ->
                    CaseRuleViolation.conflict("APPEAL_NOT_OPEN", "This case cannot be appealed: "
                            + "the tenant offers no appeal, or its window has not opened or has ended."));
            if (now.isAfter(window.dueAt())) {
                throw CaseRuleViolation.conflict("APPEAL_WINDOW_CLOSED",
                        "The appeal window ended at " + window.dueAt() + ".");
            }
            c.appeal(now);
            caseClock.complete(Set.of(DeadlineStage.APPEAL_WINDOW), now);
            caseClock.start(DeadlineStage.REVIEW, now);
            calendarGaps.warnIfNeeded(tenant, c, caseClock, now);
            cases.add(new CaseEvent(c.id(), CaseEventType.APPEALED, ActorKind.REPORTER, true, request.reasons().strip(), now));
            audit.record(tenant.id(), AuditRecord.byReporter("CASE_APPEALED", c.id().toString(), "{}"));
            return new Changed(tenant.id(), c.id());
        };
    }

    public EvidenceDownload download(String tenantSlug, String clientAddress, String proof, String receiptCode,
                                     UUID evidenceId) {
        return withCase(tenantSlug, clientAddress, proof, receiptCode,
                (tenant, c) -> evidence.download(tenant.id(), c.id(), evidenceId));
    }

    private <T> T withCase(String tenantSlug, String clientAddress, String proof, String receiptCode,
                           ReceiptHolders.CaseWork<T> work) {
        return holders.withCase(tenantSlug, clientAddress, proof, receiptCode, work);
    }
}
