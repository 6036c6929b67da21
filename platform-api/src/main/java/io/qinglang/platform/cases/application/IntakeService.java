package io.qinglang.platform.cases.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qinglang.platform.audit.application.AuditRecord;
import io.qinglang.platform.audit.application.AuditTrail;
import io.qinglang.platform.cases.domain.Anonymity;
import io.qinglang.platform.cases.domain.Case;
import io.qinglang.platform.cases.domain.CaseEvent;
import io.qinglang.platform.cases.domain.CaseEventType;
import io.qinglang.platform.cases.domain.CaseId;
import io.qinglang.platform.cases.domain.CaseRepository;
import io.qinglang.platform.cases.domain.ActorKind;
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
import io.qinglang.platform.tenants.domain.Category;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantConfigurationRepository;
import io.qinglang.platform.shared.application.TenantCipher;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.InputErrors;
import io.qinglang.platform.shared.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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
    private final Clock clock;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public IntakeService(TenantTransactions transactions, TenantDirectory tenants,
                         TenantConfigurationRepository configuration, CaseRepository cases,
                         ReferenceSequence references, IdempotencyStore idempotency, ReporterSecrets secrets,
                         TenantCipher cipher, CaseDeadlines deadlines, EvidenceIntake evidence, AuditTrail audit,
                         Notifier notifier, Clock clock, ObjectMapper json) {
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

    /** Registers a report; with an idempotency key, a retry of the same request returns the first receipt. */
    public IntakeReceipt submit(String tenantSlug, IntakeSubmission submission) {
        submission.report().validate();
        Tenant tenant = tenants.acceptingReports(tenantSlug);
        return transactions.inTenant(tenant.id(), () -> submission.idempotencyKey()
                .map(key -> replayOrRegister(tenant, submission, key))
                .orElseGet(() -> register(tenant, submission)));
    }

    private IntakeReceipt replayOrRegister(Tenant tenant, IntakeSubmission submission, String key) {
        byte[] keyHash = secrets.hash(tenant.id(), ReporterSecrets.IDEMPOTENCY, key);
        Optional<IdempotencyStore.Earlier> earlier = idempotency.claim(keyHash, submission.fingerprint());
        if (earlier.isPresent()) {
            if (!Arrays.equals(earlier.get().fingerprint(), submission.fingerprint())) {
                throw new IdempotencyKeyReused();
            }
            return unseal(tenant.id(), keyHash, earlier.get().sealedAnswer());
        }
        IntakeReceipt receipt = register(tenant, submission);
        idempotency.complete(keyHash, seal(tenant.id(), keyHash, receipt));
        return receipt;
    }

    private IntakeReceipt register(Tenant tenant, IntakeSubmission submission) {
        SubmitReport report = submission.report();
        Category category = checkChannelAndCategory(report);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        CaseDeadlines.Rules rules = deadlines.rules(tenant);
        Deadline acknowledge = rules.acknowledge(category.code(), now);
        ReceiptCode receipt = ReceiptCode.generate(random);
        ClaimSecret claim = ClaimSecret.generate(random);
        CaseId id = CaseId.random();
        ReferenceNumber reference = ReferenceNumber.of(tenant.referencePrefix(),
                now.atZone(tenant.zone()).getYear(), references.next(now.atZone(tenant.zone()).getYear()));
        Registration registration = new Registration(report.channel(), category.code(),
                new Subject(SubjectType.valueOf(report.subject().type()), report.subject().value()),
                report.description(), Anonymity.valueOf(report.anonymity()), category.urgent(), acknowledge.dueAt(),
                acknowledge.calendarIncomplete(), secrets.receiptHash(tenant.id(), receipt),
                secrets.hash(tenant.id(), ReporterSecrets.CLAIM, claim.canonical()),
                sealOptional(tenant.id(), id, "identity", report.reporter()),
                sealOptional(tenant.id(), id, "contact", report.contact()));
        Case registered = Case.receive(id, reference, registration, now);
        cases.add(registered);
        CaseClock clock = CaseClock.forNewCase(rules, cases, registered);
        CaseClock.TRIAGE.forEach(stage -> clock.start(stage, now));
        CaseEvent received = new CaseEvent(id, CaseEventType.RECEIVED, ActorKind.REPORTER, true, null, now);
        cases.add(received);
        evidence.attach(tenant.id(), id, received.id(), submission.files(), ActorKind.REPORTER, now);
        audit.record(tenant.id(), AuditRecord.byReporter("CASE_RECEIVED", id.toString(), new String(toJson(
                java.util.Map.of("reference", reference.value(), "channel", report.channel(), "category", category.code(),
                        "anonymity", report.anonymity(), "files", submission.files().size())),
                java.nio.charset.StandardCharsets.UTF_8)));
        if (category.urgent()) {
            notifier.staff(id.value(), "URGENT_REPORT", Audience.SUPERVISORS, null, "【紧急 Urgent】" + reference.value(),
                    "新收到紧急类别（" + category.nameZh() + "）的举报 " + reference.value() + "，请立即研判。\n"
                            + "An urgent report (" + category.nameEn() + ") arrived: " + reference.value()
                            + "; triage it now.\n", now);
        }
        return new IntakeReceipt(reference.value(), receipt.grouped(), claim.grouped(), registered.status().name(),
                now, acknowledge.dueAt(), acknowledge.calendarIncomplete());
    }

    private Category checkChannelAndCategory(SubmitReport report) {
        InputErrors errors = new InputErrors();
        if (configuration.channel(report.channel()).filter(c -> c.acceptsPublicIntake()).isEmpty()) {
            errors.add("/channel", "is not a channel of this tenant that takes reports online");
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
