package io.qinglang.platform.cases.application;

import io.qinglang.platform.audit.application.AuditRecord;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.cases.domain.Case;
import io.qinglang.platform.cases.domain.CaseDeadline;
import io.qinglang.platform.cases.domain.CaseId;
import io.qinglang.platform.cases.domain.CasePage;
import io.qinglang.platform.cases.domain.CaseRepository;
import io.qinglang.platform.cases.domain.Evidence;
import io.qinglang.platform.shared.application.TenantCipher;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.shared.domain.NotFound;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What staff read about their tenant's cases: the filtered list, a case's detail, and — only with a stated
 * reason, recorded in the audit trail — the reporter's identity.
 */
@ApplicationScoped
public class CaseQueries {

    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final CaseRepository cases;
    private final TenantCipher cipher;
    private final AuditTrail audit;
    private final Clock clock;
    private final Referrals referrals;
    private final EvidenceIntake evidence;

    @Inject
    public CaseQueries(TenantTransactions transactions, TenantDirectory tenants, CaseRepository cases,
                       TenantCipher cipher, AuditTrail audit, Clock clock, Referrals referrals, EvidenceIntake evidence) {
        this.referrals = referrals;
        this.evidence = evidence;
        this.clock = clock;
        this.transactions = transactions;
        this.tenants = tenants;
        this.cases = cases;
        this.cipher = cipher;
        this.audit = audit;
    }

    public CaseViews.Page list(String tenantSlug, CaseListQuery query) {
        CaseListQuery.Parsed parsed = query.parse(clock.instant());
        Tenant tenant = tenants.require(tenantSlug);
        return transactions.inTenant(tenant.id(), () -> {
            CasePage page = cases.search(parsed.filter(), parsed.after(), parsed.limit());
            Map<CaseId, List<CaseDeadline>> open = cases.openDeadlines(page.cases().stream().map(Case::id).toList())
                    .stream().collect(Collectors.groupingBy(CaseDeadline::caseId));
            return new CaseViews.Page(page.cases().stream().map(c -> CaseViews.Summary.of(c,
                    CaseDeadline.runningStage(open.getOrDefault(c.id(), List.of())))).toList(),
                    CaseListQuery.cursorOf(page.next()));
        });
    }

    public CaseViews.Detail detail(String tenantSlug, UUID caseId) {
        Tenant tenant = tenants.require(tenantSlug);
        return complete(transactions.inTenant(tenant.id(), () -> loaded(require(caseId))));
    }

    /** A case's view and the case it was read from, inside the tenant's transaction. */
    record Loaded(CaseViews.Detail detail, Case c) {
    }

    Loaded loaded(Case c) {
        return new Loaded(detailOf(c), c);
    }

    /**
     * Adds what lives at another body — where a referred case stands, who referred this one — after the tenant's
     * own transaction, since no unit of work spans two tenants.
     */
    CaseViews.Detail complete(Loaded loaded) {
        Case c = loaded.c();
        if (c.referral().isEmpty() && c.referredFromTenant().isEmpty()) {
            return loaded.detail();
        }
        return loaded.detail().withReferral(referrals.status(c).orElse(null), referrals.origin(c).orElse(null));
    }

    /** The staff view of a case of the tenant in scope. */
    CaseViews.Detail detailOf(Case c) {
        Instant now = clock.instant();
        Map<UUID, List<Evidence>> files = cases.evidence(c.id()).stream().collect(Collectors.groupingBy(Evidence::eventId));
        List<CaseViews.Entry> timeline = cases.events(c.id()).stream().map(e -> new CaseViews.Entry(e.id(),
                e.type().name(), e.occurredAt(), e.actorKind().name(), e.actorId(), e.reporterVisible(), e.message(),
                files.getOrDefault(e.id(), List.of()).stream().map(f -> new CaseTracking.File(f.id(), f.fileName(),
                        f.contentType(), f.sizeBytes(), f.sha256())).toList())).toList();
        List<Case> merged = cases.mergedInto(c.id());
        Instant firstReceived = merged.stream().map(Case::receivedAt).filter(at -> at.isBefore(c.receivedAt()))
                .findFirst().orElse(c.receivedAt());
        List<CaseViews.Duplicate> duplicates = merged.stream().map(d -> new CaseViews.Duplicate(d.id().value(),
                d.reference().value(), d.receivedAt(), d.receivedAt().equals(firstReceived))).toList();
        List<CaseDeadline> deadlines = cases.deadlines(c.id());
        return new CaseViews.Detail(CaseViews.Summary.of(c, CaseDeadline.runningStage(deadlines)), c.version(),
                c.description(), c.hasIdentity(),
                c.calendarIncomplete() || deadlines.stream().anyMatch(CaseDeadline::calendarIncomplete),
                CaseViews.Handling.of(c), deadlines.stream().map(d -> CaseViews.StageDeadline.of(d, now)).toList(),
                cases.decisions(c.id()).stream().map(CaseViews.DecisionView::of).toList(),
                cases.extensionRequests(c.id()).stream().map(CaseViews.Extension::of).toList(),
                c.leadCase().map(CaseId::value).orElse(null), duplicates, timeline, null, null);
    }

    /** Opens the reporter's identity for {@code viewer}, who must say why; the view is audited first. */
    public CaseViews.ReporterIdentity viewIdentity(String tenantSlug, UUID caseId, String reason, String viewer) {
        new InputErrors().text("/reason", reason, 1000).throwIfAny();
        if (reason.strip().length() < 10) {
            new InputErrors().add("/reason", "must say why, in at least 10 characters").throwIfAny();
        }
        Tenant tenant = tenants.require(tenantSlug);
        return transactions.inTenant(tenant.id(), () -> {
            Case c = require(caseId);
            audit.record(tenant.id(), new AuditRecord("STAFF", viewer, "IDENTITY_VIEWED", "CASE", c.id().toString(),
                    reason.strip(), null));
            return new CaseViews.ReporterIdentity(c.reference().value(), c.anonymity().name(),
                    open(tenant.id(), c, "identity", c.sealedIdentity().orElse(null)),
                    open(tenant.id(), c, "contact", c.sealedContact().orElse(null)));
        });
    }

    /** A file the reporter sent with this case, to be saved by the browser, never shown inline; each download audited. */
    public EvidenceDownload evidence(String tenantSlug, UUID caseId, UUID evidenceId, String viewer) {
        Tenant tenant = tenants.require(tenantSlug);
        return transactions.inTenant(tenant.id(), () -> {
            Case c = require(caseId);
            EvidenceDownload file = evidence.download(tenant.id(), c.id(), evidenceId);
            audit.record(tenant.id(), new AuditRecord("STAFF", viewer, "EVIDENCE_DOWNLOADED", "CASE", c.id().toString(),
                    null, "{\"evidence\":\"" + evidenceId + "\"}"));
            return file;
        });
    }

    Case require(UUID caseId) {
        return cases.find(new CaseId(caseId)).orElseThrow(() -> new NotFound("CASE_NOT_FOUND", "No such case."));
    }

    private String open(TenantId tenant, Case c, String what, byte[] sealed) {
        return sealed == null ? null
                : new String(cipher.open(tenant, sealed, what + ":" + c.id()), StandardCharsets.UTF_8);
    }
}
