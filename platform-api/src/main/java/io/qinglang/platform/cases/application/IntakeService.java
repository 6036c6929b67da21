package io.qinglang.platform.cases.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.platform.audit.application.AuditRecord;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.cases.domain.ActorKind;
import io.qinglang.platform.cases.domain.Anonymity;
import io.qinglang.platform.cases.domain.Case;
import io.qinglang.platform.cases.domain.CaseEvent;
import io.qinglang.platform.cases.domain.CaseEventType;
import io.qinglang.platform.cases.domain.CaseId;
import io.qinglang.platform.cases.domain.CaseRepository;
import io.qinglang.platform.cases.domain.ClaimSecret;
import io.qinglang.platform.cases.domain.ReceiptCode;
import io.qinglang.platform.cases.domain.ReferenceNumber;
import io.qinglang.platform.cases.domain.ReferenceSequence;
import io.qinglang.platform.cases.domain.Registration;
import io.qinglang.platform.cases.domain.Subject;
import io.qinglang.platform.cases.domain.SubjectType;
import io.qinglang.platform.deadlines.domain.Deadline;
import io.qinglang.platform.notifications.application.Notifier;
import io.qinglang.platform.notifications.domain.Audience;
import io.qinglang.platform.shared.application.TenantCipher;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Category;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantConfigurationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Public intake: turns a reporter's submission into a registered case in one transaction — the case, its
 * first timeline entry, its evidence and the idempotency record are written together or not at all.
 */
@ApplicationScoped
public class IntakeService {

    private final TenantTransactions transactions;
    private final TenantDirectory tenants;
    private final TenantConfigurationRepository configuration;
    private final CaseRepository cases;
    private final ReferenceSequence references;
    private final IdempotencyStore idempotency;
    private final ReporterSecrets secrets;
    private final TenantCipher cipher;
    private final CaseDeadlines deadlines;
    private final EvidenceIntake evidence;
    private final AuditTrail audit;
    private final Notifier notifier;
    private final CalendarGaps calendarGaps;
    private final IntakeLimits limits;
    private final IntakeChallenges challenges;
    private final Clock clock;
    private final ObjectMapper json;
    private final Event<ReportRegistered> registrations;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public IntakeService(TenantTransactions transactions, TenantDirectory tenants,
                         TenantConfigurationRepository configuration, CaseRepository cases,
                         ReferenceSequence references, IdempotencyStore idempotency, ReporterSecrets secrets,
                         TenantCipher cipher, CaseDeadlines deadlines, EvidenceIntake evidence, AuditTrail audit,
                         Notifier notifier, CalendarGaps calendarGaps, IntakeLimits limits, IntakeChallenges challenges, Clock clock,
                         ObjectMapper json, Event<ReportRegistered> registrations) {
        this.registrations = registrations;
        this.limits = limits;
        this.challenges = challenges;
        this.calendarGaps = calendarGaps;
        this.notifier = notifier;
        this.transactions = transactions;
        this.tenants = tenants;
        this.configuration = configuration;
        this.cases = cases;
        this.references = references;
        this.idempotency = idempotency;
        this.secrets = secrets;
        this.cipher = cipher;
        this.deadlines = deadlines;
        this.evidence = evidence;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Registers a report from outside (within the limits per client address and per tenant, and with a solved
     * proof-of-work while the tenant's intake is anomalous); with an idempotency key, a retry of the same request
     * returns the first receipt.
     */
    public IntakeReceipt submit(String tenantSlug, String clientAddress, String proofOfWork, IntakeSubmission submission) {
        limits.submission(clientAddress, tenantSlug);
        TenantId id = tenants.idOf(tenantSlug);
        // only well-formed reports count towards the rate: malformed ones are refused before anything is written; the
        // count (shared by every node) is taken before the transaction, which would otherwise hold a connection of the
        // main pool while a flood's attempts queue for the counters' own
        submission.report().validate();
        challenges.admit(id, tenantSlug, proofOfWork);
        // one transaction from the tenant's status to the case: the tenant is not read in a transaction of its own
        return transactions.inTenant(id, () -> {
            Tenant tenant = tenants.current(id);
            tenant.requireAcceptingReports();
            return registerOnce(tenant, submission, Origin.PUBLIC);
        });
    }

    /**
     * A member of staff registers a report received by phone, letter, e-mail or in person (首问负责制: they are
     * recorded as its first receiver); the reporter is given the receipt code and claim secret as usual.
     */
    public StaffIntakeReceipt registerByStaff(String tenantSlug, String staff, StaffReport report,
                                              String idempotencyKey) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        report.validate(now);
        Tenant tenant = tenants.acceptingReports(tenantSlug);
        Instant receivedAt = report.receivedAt() == null ? now : report.receivedAt().truncatedTo(ChronoUnit.MICROS);
        IntakeReceipt receipt = registerOnce(tenant, IntakeSubmission.of(report.report(), List.of(), idempotencyKey, json),
                new Origin(staff, receivedAt));
        CaseId id = transactions.inTenant(tenant.id(), () -> cases.findByReference(new ReferenceNumber(receipt.reference()))
                .orElseThrow().id());
        return new StaffIntakeReceipt(id.value(), receipt);
    }

    /** What staff get back: the new case and the receipt to read out or mail to the reporter. */
    public record StaffIntakeReceipt(java.util.UUID caseId, IntakeReceipt receipt) {
    }

    /** Who brought a report in: the reporter through the public intake, or a member of staff, and when it arrived. */
    private record Origin(String staff, Instant receivedAt) {
        static final Origin PUBLIC = new Origin(null, null);
    }

    private IntakeReceipt registerOnce(Tenant tenant, IntakeSubmission submission, Origin origin) {
        return transactions.inTenant(tenant.id(), () -> submission.idempotencyKey()
                .map(key -> replayOrRegister(tenant, submission, key, origin))
                .orElseGet(() -> register(tenant, submission, origin)));
    }

    private IntakeReceipt replayOrRegister(Tenant tenant, IntakeSubmission submission, String key, Origin origin) {
        byte[] keyHash = secrets.hash(tenant.id(), ReporterSecrets.IDEMPOTENCY, key);
        Optional<IdempotencyStore.Earlier> earlier = idempotency.claim(keyHash, submission.fingerprint());
        if (earlier.isPresent()) {
            if (!Arrays.equals(earlier.get().fingerprint(), submission.fingerprint())) {
                throw new IdempotencyKeyReused();
            }
            return unseal(tenant.id(), keyHash, earlier.get().sealedAnswer());
        }
        IntakeReceipt receipt = register(tenant, submission, origin);
        idempotency.complete(keyHash, seal(tenant.id(), keyHash, receipt));
        return receipt;
    }

    private IntakeReceipt register(Tenant tenant, IntakeSubmission submission, Origin origin) {
        SubmitReport report = submission.report();
        Category category = checkChannelAndCategory(report, origin.staff() == null);
        Instant registeredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant now = origin.receivedAt() == null ? registeredAt : origin.receivedAt();
        CaseDeadlines.Rules rules = deadlines.rules(tenant);
        Deadline acknowledge = rules.acknowledge(category.code(), category.defaultSeverity(), now);
        ReceiptCode receipt = ReceiptCode.generate(random);
        ClaimSecret claim = ClaimSecret.generate(random);
        CaseId id = CaseId.random();
        ReferenceNumber reference = ReferenceNumber.of(tenant.referencePrefix(),
                now.atZone(tenant.zone()).getYear(), references.next(now.atZone(tenant.zone()).getYear()));
        Registration registration = new Registration(report.channel(), category.code(),
                new Subject(SubjectType.valueOf(report.subject().type()), report.subject().value()),
                report.description(), Anonymity.valueOf(report.anonymity()), category.urgent(), category.defaultSeverity(), acknowledge.dueAt(),
                acknowledge.calendarIncomplete(), secrets.receiptHash(tenant.id(), receipt),
                secrets.hash(tenant.id(), ReporterSecrets.CLAIM, claim.canonical()),
                sealOptional(tenant.id(), id, "identity", report.reporter()),
                sealOptional(tenant.id(), id, "contact", report.contact()));
        Case registered = Case.receive(id, reference, registration, now);
        if (origin.staff() != null) {
            registered.registeredBy(origin.staff());
        }
        registered.consentToShareIdentity(Boolean.TRUE.equals(report.consentToShareIdentity()));
        cases.add(registered);
        CaseClock clock = CaseClock.forNewCase(rules, cases, registered);
        CaseClock.TRIAGE.forEach(stage -> clock.start(stage, now));
        calendarGaps.warnIfNeeded(tenant, registered, clock, registeredAt);
        CaseEvent received = new CaseEvent(id, CaseEventType.RECEIVED, ActorKind.REPORTER, true, null, now);
        cases.add(received);
        if (origin.staff() != null) {
            cases.add(CaseEvent.byStaff(id, CaseEventType.REGISTERED_BY_STAFF, origin.staff(), false,
                    report.channel(), registeredAt.plusNanos(1_000)));
        }
        evidence.attach(tenant.id(), id, received.id(), submission.files(), ActorKind.REPORTER, now);
        String details = new String(toJson(java.util.Map.of("reference", reference.value(), "channel", report.channel(),
                "category", category.code(), "anonymity", report.anonymity(), "files", submission.files().size())),
                java.nio.charset.StandardCharsets.UTF_8);
        audit.record(tenant.id(), origin.staff() == null
                ? AuditRecord.byReporter("CASE_RECEIVED", id.toString(), details)
                : new AuditRecord("STAFF", origin.staff(), "CASE_REGISTERED_BY_STAFF", "CASE", id.toString(), null, details));
        if (category.urgent() || category.defaultSeverity().major()) {
            notifier.staff(id.value(), "URGENT_REPORT", Audience.SUPERVISORS, null, "【紧急 Urgent】" + reference.value(),
                    "新收到紧急类别（" + category.nameZh() + "）的举报 " + reference.value() + "，请立即研判。\n"
                            + "An urgent report (" + category.nameEn() + ") arrived: " + reference.value()
                            + "; triage it now.\n", now);
        }
        registrations.fire(new ReportRegistered(tenant.slug(), origin.staff() != null));
        return new IntakeReceipt(reference.value(), receipt.grouped(), claim.grouped(), registered.status().name(),
                now, acknowledge.dueAt(), acknowledge.calendarIncomplete());
    }

    /** The public intake takes only online channels; staff register reports of any active channel. */
    private Category checkChannelAndCategory(SubmitReport report, boolean online) {
        InputErrors errors = new InputErrors();
        if (configuration.channel(report.channel()).filter(c -> online ? c.acceptsPublicIntake() : c.active()).isEmpty()) {
            errors.add("/channel", online ? "is not a channel of this tenant that takes reports online"
                    : "is not an active channel of this tenant");
        }
        Optional<Category> category = configuration.category(report.category()).filter(Category::active);
        if (category.isEmpty()) {
            errors.add("/category", "is not a category of this tenant");
        }
        errors.throwIfAny();
        return category.orElseThrow();
    }

    private byte[] sealOptional(TenantId tenant, CaseId id, String what, Object value) {
        return value == null ? null : cipher.seal(tenant, toJson(value), what + ":" + id);
    }

    private byte[] seal(TenantId tenant, byte[] keyHash, IntakeReceipt receipt) {
        return cipher.seal(tenant, toJson(receipt), "idempotency:" + java.util.HexFormat.of().formatHex(keyHash));
    }

    private IntakeReceipt unseal(TenantId tenant, byte[] keyHash, byte[] sealed) {
        try {
            return json.readValue(cipher.open(tenant, sealed, "idempotency:" + java.util.HexFormat.of().formatHex(keyHash)),
                    IntakeReceipt.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
