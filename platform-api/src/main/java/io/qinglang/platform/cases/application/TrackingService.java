package io.qinglang.platform.cases.application;

import io.qinglang.platform.audit.application.AuditRecord;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.cases.domain.ActorKind;
import io.qinglang.platform.cases.domain.Case;
import io.qinglang.platform.cases.domain.CaseDeadline;
import io.qinglang.platform.cases.domain.CaseEvent;
import io.qinglang.platform.cases.domain.CaseRuleViolation;
import io.qinglang.platform.cases.domain.CaseStatus;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.cases.domain.CaseEventType;
import io.qinglang.platform.cases.domain.CaseRepository;
import io.qinglang.platform.cases.domain.Evidence;
import io.qinglang.platform.cases.domain.ReceiptNotFound;
import io.qinglang.platform.cases.domain.EvidenceFile;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.tenants.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Receipt tracking: the reporter presents the receipt code and sees their case, adds information and
 * downloads their own files. Lookups are rate-limited per client address and per tenant, and a wrong code
 * and an unknown tenant take the same path and give the same answer.
 */
@ApplicationScoped
public class TrackingService {

    private final TenantTransactions transactions;
    private final CaseRepository cases;
    private final EvidenceIntake evidence;
    private final AuditTrail audit;
    private final CaseDeadlines deadlines;
    private final CalendarGaps calendarGaps;
    private final Referrals referrals;
    private final Clock clock;
    private final ReceiptHolders holders;

    @Inject
    public TrackingService(TenantTransactions transactions, CaseRepository cases, EvidenceIntake evidence, AuditTrail audit,
                           CaseDeadlines deadlines, CalendarGaps calendarGaps, Referrals referrals, Clock clock,
                           ReceiptHolders holders) {
        this.holders = holders;
        this.referrals = referrals;
        this.calendarGaps = calendarGaps;
        this.deadlines = deadlines;
        this.transactions = transactions;
        this.cases = cases;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
    }

    /** The case a receipt opens, for a lookup from {@code clientAddress} with its proof-of-work ({@code proof}, or null). */
    public CaseTracking track(String tenantSlug, String clientAddress, String proof, String receiptCode) {
        return complete(withCase(tenantSlug, clientAddress, proof, receiptCode, (tenant, c) -> tracked(c)));
    }

    /** A reporter's view and the case it shows, read in the tenant's transaction. */
    private record Tracked(CaseTracking view, Case c) {
    }

    private Tracked tracked(Case c) {
        return new Tracked(view(c), c);
    }

    /** Adds the progress at the body a case was referred to, after the tenant's own transaction. */
    private CaseTracking complete(Tracked tracked) {
        return referrals.status(tracked.c()).map(s -> tracked.view().withReferral(new CaseTracking.Referral(s.to(),
                s.reference(), s.status(), s.outcome() == null ? null
                : new CaseTracking.TrackedDecision(s.outcome(), s.reasons(), s.decidedAt())))).orElse(tracked.view());
    }

    public CaseTracking addInformation(String tenantSlug, String clientAddress, String proof,
                                       TrackingRequests.AddInformation request, List<EvidenceFile> files) {
        request.validate();
        return complete(withCase(tenantSlug, clientAddress, proof, request.receiptCode(), informationAdded(request, files)));
    }

    /** The reporter appeals a closed case, within the appeal window that opened with the feedback. */
    public CaseTracking appeal(String tenantSlug, String clientAddress, String proof, TrackingRequests.Appeal request) {
        request.validate();
        return complete(withCase(tenantSlug, clientAddress, proof, request.receiptCode(), appealed(request)));
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
            return new Answer(complete(holders.admitted(admission, request.receiptCode(), work(request, files))),
                    Optional.empty());
        } catch (ReceiptNotFound notFound) {
            throw notFound;
        } catch (DomainException refused) {
            return new Answer(complete(holders.admitted(admission, request.receiptCode(), (tenant, c) -> tracked(c))),
                    Optional.of(refused));
        }
    }

    private ReceiptHolders.CaseWork<Tracked> work(TrackingRequests.WithReceipt request, List<EvidenceFile> files) {
        return switch (request) {
            case TrackingRequests.AddInformation add -> informationAdded(add, files);
            case TrackingRequests.Appeal appeal -> appealed(appeal);
            case TrackingRequests.Lookup lookup -> (tenant, c) -> tracked(c);
        };
    }

    private ReceiptHolders.CaseWork<Tracked> informationAdded(TrackingRequests.AddInformation request,
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
            return tracked(c);
        };
    }

    private ReceiptHolders.CaseWork<Tracked> appealed(TrackingRequests.Appeal request) {
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
            return tracked(c);
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

    private CaseTracking view(Case c) {
        Map<UUID, List<Evidence>> filesByEvent = cases.evidence(c.id()).stream()
                .collect(Collectors.groupingBy(Evidence::eventId));
        List<CaseTracking.Entry> timeline = cases.reporterVisibleEvents(c.id()).stream()
                .map(e -> new CaseTracking.Entry(e.type().name(), e.occurredAt(), e.actorKind().name(), e.message(),
                        filesByEvent.getOrDefault(e.id(), List.of()).stream().map(toFile()).toList()))
                .toList();
        Instant appealUntil = c.status() == CaseStatus.CLOSED ? cases.openDeadlines(c.id()).stream()
                .filter(d -> d.stage() == DeadlineStage.APPEAL_WINDOW).map(CaseDeadline::dueAt).findFirst().orElse(null)
                : null;
        CaseTracking.Lead lead = c.leadCase().flatMap(cases::find).map(l -> new CaseTracking.Lead(
                l.reference().value(), l.status().name(), decisionOf(l))).orElse(null);
        return new CaseTracking(c.reference().value(), c.status().name(), c.receivedAt(), c.acknowledgeDueAt(),
                c.calendarIncomplete(), c.waitingSince().isPresent(), c.referredTo().orElse(null), decisionOf(c),
                appealUntil, lead, timeline, null);
    }

    private CaseTracking.TrackedDecision decisionOf(Case c) {
        return Referrals.standing(cases, c).map(d -> new CaseTracking.TrackedDecision(d.outcome().name(), d.reasons(),
                d.decidedAt())).orElse(null);
    }

    private static Function<Evidence, CaseTracking.File> toFile() {
        return e -> new CaseTracking.File(e.id(), e.fileName(), e.contentType(), e.sizeBytes(), e.sha256());
    }
}
