package io.qinglang.platform.cases.application;

import io.qinglang.platform.audit.application.AuditRecord;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.cases.domain.ActorKind;
import io.qinglang.platform.cases.domain.Anonymity;
import io.qinglang.platform.cases.domain.Case;
import io.qinglang.platform.cases.domain.CaseEvent;
import io.qinglang.platform.cases.domain.CaseEventType;
import io.qinglang.platform.cases.domain.CaseId;
import io.qinglang.platform.cases.domain.CaseRepository;
import io.qinglang.platform.cases.domain.CaseStatus;
import io.qinglang.platform.cases.domain.Decision;
import io.qinglang.platform.cases.domain.Evidence;
import io.qinglang.platform.cases.domain.EvidenceFile;
import io.qinglang.platform.cases.domain.ReferenceNumber;
import io.qinglang.platform.cases.domain.ReferenceSequence;
import io.qinglang.platform.cases.domain.Referral;
import io.qinglang.platform.cases.domain.Registration;
import io.qinglang.platform.deadlines.domain.Deadline;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.notifications.application.Notifier;
import io.qinglang.platform.notifications.domain.Audience;
import io.qinglang.platform.shared.application.TenantCipher;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.domain.Category;
import io.qinglang.platform.tenants.domain.Channel;
import io.qinglang.platform.tenants.domain.ChannelKind;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantConfigurationRepository;
import io.qinglang.platform.tenants.domain.TenantRepository;
import io.qinglang.platform.tenants.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Referral between bodies on the platform (上级交办、有关部门移送). A case transferred to a body that is itself a
 * tenant is created there — with its evidence, and with the reporter's identity only if they consented — and
 * continues there; the reporter's receipt stays with the sending body, whose tracking and case view show the
 * receiving body's progress and outcome.
 *
 * <p>Each tenant's data is touched only in its own transaction and scope, never both at once: the sending case
 * is marked for referral, the receiving case is created (once: a second attempt finds it), then the sending case
 * is marked delivered. A delivery that fails half-way is completed by the background job.
 */
@ApplicationScoped
public class Referrals {

    private static final Logger LOG = Logger.getLogger(Referrals.class.getName());
    static final String CHANNEL = "referral";
    static final int BATCH = 50;

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final TenantConfigurationRepository configuration;
    private final CaseRepository cases;
    private final ReferenceSequence references;
    private final TenantCipher cipher;
    private final EvidenceIntake evidence;
    private final CaseDeadlines deadlines;
    private final AuditTrail audit;
    private final Notifier notifier;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public Referrals(TenantTransactions transactions, TenantRepository tenants,
                     TenantConfigurationRepository configuration, CaseRepository cases, ReferenceSequence references,
                     TenantCipher cipher, EvidenceIntake evidence, CaseDeadlines deadlines, AuditTrail audit,
                     Notifier notifier, Clock clock) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.configuration = configuration;
        this.cases = cases;
        this.references = references;
        this.cipher = cipher;
        this.evidence = evidence;
        this.deadlines = deadlines;
        this.audit = audit;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * Checks the receiving body before anything is written: an active tenant other than the sender, the category
     * active there, a deadline not already past in its time zone. Names the wrong field otherwise.
     */
    public Referral prepare(Tenant sender, CaseCommand.Transfer transfer) {
        InputErrors errors = new InputErrors();
        Optional<Tenant> target = transactions.platform(() -> tenants.findBySlug(transfer.toTenant()))
                .filter(t -> t.status() == TenantStatus.ACTIVE);
        if (target.isEmpty()) {
            errors.add("/toTenant", "is not a body on this platform that takes referrals").throwIfAny();
        }
        Tenant to = target.orElseThrow();
        if (to.id().equals(sender.id())) {
            errors.add("/toTenant", "is this body itself").throwIfAny();
        }
        boolean categoryActive = transactions.inTenant(to.id(),
                () -> configuration.category(transfer.toCategory()).filter(Category::active).isPresent());
        if (!categoryActive) {
            errors.add("/toCategory", "is not an active category of " + to.slug());
        }
        if (transfer.dueBy() != null && transfer.dueBy().isBefore(LocalDate.now(clock.withZone(to.zone())))) {
            errors.add("/dueBy", "must not be in the past");
        }
        errors.throwIfAny();
        String name = transfer.body() != null ? transfer.body().strip() : to.profile().nameZh();
        return new Referral(to.id().value(), name, transfer.toCategory(), Boolean.TRUE.equals(transfer.withIdentity()),
                transfer.dueBy());
    }

    /** Delivers the sending case's referral if it is still pending; safe to repeat, and to run on several nodes. */
    public void deliver(TenantId sender, CaseId caseId) {
        Optional<Parcel> parcel = transactions.inTenant(sender, () -> cases.find(caseId)
                .filter(c -> c.referral().isPresent() && c.referredCase().isEmpty()).map(c -> pack(sender, c)));
        if (parcel.isEmpty()) {
            return;
        }
        Parcel p = parcel.get();
        TenantId target = new TenantId(p.referral().tenantId());
        CaseId received = transactions.inTenant(target, () -> cases.findReferredFrom(sender.value(), caseId)
                .map(Case::id).orElseGet(() -> receive(target, p)));
        transactions.inTenant(sender, () -> cases.find(caseId).filter(c -> c.referredCase().isEmpty()).ifPresent(c -> {
            Instant now = now();
            c.referralDelivered(received, now);
            cases.add(new CaseEvent(c.id(), CaseEventType.REFERRAL_DELIVERED, ActorKind.SYSTEM, false,
                    p.referral().bodyName(), now));
            audit.record(sender, new AuditRecord("SYSTEM", "referrals", "REFERRAL_DELIVERED", "CASE", c.id().toString(),
                    null, "{\"toTenant\":\"" + p.referral().tenantId() + "\",\"toCase\":\"" + received + "\"}"));
        }));
    }

    /** The background job: delivers every pending referral of every tenant; returns how many were delivered. */
    public int deliverPending() {
        int delivered = 0;
        for (Tenant tenant : transactions.platform(tenants::list)) {
            for (CaseId id : transactions.inTenant(tenant.id(), () -> cases.pendingReferrals(BATCH))) {
                try {
                    deliver(tenant.id(), id);
                    delivered++;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Referral of case " + id + " of tenant " + tenant.slug()
                            + " not delivered yet; the next run tries again", e);
                }
            }
        }
        return delivered;
    }

    /** Where a referred case stands at the receiving body, for the sender's staff and the reporter. */
    public Optional<CaseViews.ReferralStatus> status(Case sending) {
        Optional<Referral> referral = sending.referral();
        if (referral.isEmpty()) {
            return Optional.empty();
        }
        if (sending.referredCase().isEmpty()) {
            return Optional.of(new CaseViews.ReferralStatus(referral.get().bodyName(), false, null, null, null, null, null));
        }
        return transactions.inTenant(new TenantId(referral.get().tenantId()), () -> cases.find(sending.referredCase().get())
                .map(c -> {
                    Optional<Decision> decision = standing(cases, c);
                    return new CaseViews.ReferralStatus(referral.get().bodyName(), true, c.reference().value(),
                            c.status().name(), decision.map(d -> d.outcome().name()).orElse(null),
                            decision.map(Decision::reasons).orElse(null), decision.map(Decision::decidedAt).orElse(null));
                }));
    }

    /** The progress at the receiving body of the sender's case with this id, if it was referred on the platform. */
    public Optional<CaseViews.ReferralStatus> status(TenantId sender, CaseId id) {
        return transactions.inTenant(sender, () -> cases.find(id)).flatMap(this::status);
    }

    /** Who referred a case this body received, by name. */
    public Optional<CaseViews.ReferredFrom> origin(Case received) {
        return received.referredFromTenant().flatMap(id -> transactions.platform(() -> tenants.find(new TenantId(id))))
                .map(t -> new CaseViews.ReferredFrom(t.profile().nameZh(), received.referredFromReference().orElse(null)));
    }

    /** The latest decision while it stands: not after a review reversed it and the case is handled again. */
    static Optional<Decision> standing(CaseRepository cases, Case c) {
        if (!(c.status() == CaseStatus.DECIDED || c.status() == CaseStatus.CLOSED || c.status() == CaseStatus.APPEALED)) {
            return Optional.empty();
        }
        List<Decision> decisions = cases.decisions(c.id());
        return decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.getLast());
    }

    /** What goes to the receiving body, read (and opened) in the sender's scope. */
    private record Parcel(Referral referral, UUID senderTenant, UUID senderCase, String senderReference, String senderName,
                          String subjectType, String subjectValue, String description, Anonymity anonymity,
                          byte[] identity, byte[] contact, List<EvidenceFile> files) {
    }

    private Parcel pack(TenantId sender, Case c) {
        Referral referral = c.referral().orElseThrow();
        List<EvidenceFile> files = cases.evidence(c.id()).stream().map(e -> file(sender, c, e)).toList();
        byte[] identity = referral.withIdentity() ? c.sealedIdentity().map(s -> cipher.open(sender, s, "identity:" + c.id()))
                .orElse(null) : null;
        byte[] contact = referral.withIdentity() ? c.sealedContact().map(s -> cipher.open(sender, s, "contact:" + c.id()))
                .orElse(null) : null;
        String senderName = transactions.platform(() -> tenants.find(sender)).map(t -> t.profile().nameZh()).orElse("");
        return new Parcel(referral, sender.value(), c.id().value(), c.reference().value(), senderName, c.subject().type().name(),
                c.subject().value(), c.description(), c.anonymity(), identity, contact, files);
    }

    private EvidenceFile file(TenantId sender, Case c, Evidence e) {
        byte[] sealed = cases.sealedEvidenceContent(c.id(), e.id()).orElseThrow();
        return new EvidenceFile(e.fileName(), e.contentType(), evidence.open(sender, e.id(), sealed));
    }

    /** Creates the case at the receiving body, in its scope. */
    private CaseId receive(TenantId targetId, Parcel p) {
        Tenant target = transactions.platform(() -> tenants.find(targetId)).orElseThrow();
        Instant now = now();
        Channel channel = configuration.channel(CHANNEL).orElseGet(() -> {
            Channel referral = new Channel(CHANNEL, "上级交办/部门移送", "Referred by another body", ChannelKind.TRANSFER_IN, null);
            configuration.add(referral);
            return referral;
        });
        Category category = configuration.category(p.referral().categoryCode()).orElseThrow();
        CaseDeadlines.Rules rules = deadlines.rules(target);
        Deadline acknowledge = rules.acknowledge(category.code(), category.defaultSeverity(), now);
        CaseId id = CaseId.random();
        int year = now.atZone(target.zone()).getYear();
        ReferenceNumber reference = ReferenceNumber.of(target.referencePrefix(), year, references.next(year));
        // The reporter's receipt stays with the sending body; this case gets secrets nobody holds.
        Registration registration = new Registration(channel.code(), category.code(),
                new io.qinglang.platform.cases.domain.Subject(
                        io.qinglang.platform.cases.domain.SubjectType.valueOf(p.subjectType()), p.subjectValue()),
                p.description(), p.anonymity(), category.urgent(), category.defaultSeverity(), acknowledge.dueAt(), acknowledge.calendarIncomplete(),
                randomBytes(), randomBytes(), seal(targetId, p.identity(), "identity:" + id),
                seal(targetId, p.contact(), "contact:" + id));
        Case received = Case.receive(id, reference, registration, now);
        received.referredFrom(p.senderTenant(), new CaseId(p.senderCase()), new ReferenceNumber(p.senderReference()));
        cases.add(received);
        CaseEvent arrived = new CaseEvent(id, CaseEventType.REFERRED_IN, ActorKind.SYSTEM, false,
                p.senderName() + " " + p.senderReference(), now);
        cases.add(arrived);
        evidence.attach(targetId, id, arrived.id(), p.files(), ActorKind.REPORTER, now);
        CaseClock caseClock = CaseClock.forNewCase(rules, cases, received);
        CaseClock.TRIAGE.forEach(stage -> caseClock.start(stage, now));
        if (p.referral().dueBy() != null) {
            caseClock.startDueAt(DeadlineStage.DECIDE, new Deadline(p.referral().dueBy().atTime(LocalTime.of(23, 59, 59))
                    .atZone(target.zone()).toInstant(), p.referral().dueBy(),
                    !rules.calendar().covers(p.referral().dueBy().getYear())), now);
        }
        audit.record(targetId, new AuditRecord("SYSTEM", "referrals", "CASE_REFERRED_IN", "CASE", id.toString(), null,
                "{\"from\":\"" + p.senderReference() + "\",\"identity\":" + (p.identity() != null) + "}"));
        notifier.staff(id.value(), "REFERRAL_RECEIVED", Audience.SUPERVISORS, null,
                "【移送/交办 Referral】" + reference.value(),
                p.senderName() + " 移送/交办案件 " + reference.value() + "（原编号 " + p.senderReference() + "）"
                        + (p.referral().dueBy() == null ? "" : "，办理期限 " + p.referral().dueBy()) + "。\n"
                        + "Case " + reference.value() + " was referred to you by another body (their reference "
                        + p.senderReference() + ")" + (p.referral().dueBy() == null ? "" : ", due " + p.referral().dueBy())
                        + ".\n", now);
        return id;
    }

    private byte[] seal(TenantId tenant, byte[] plain, String context) {
        return plain == null ? null : cipher.seal(tenant, plain, context);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
