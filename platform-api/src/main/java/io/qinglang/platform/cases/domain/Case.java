package io.qinglang.platform.cases.domain;

import io.qinglang.platform.shared.domain.NullableUuid;
import io.qinglang.platform.shared.domain.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * One report or complaint, from registration to archive. Created by {@link #receive} in state
 * {@link CaseStatus#RECEIVED} with its acknowledgement deadline fixed at that moment (later policy
 * changes never rewrite it). The reporter holds the receipt code; the case keeps only its keyed hash,
 * and the reporter's identity and contact only as ciphertext under the tenant's data key.
 */
@Entity
@Table(name = "cases")
public class Case {

    @Id
    private UUID id;
    private String reference;
    @Column(name = "channel_code")
    private String channelCode;
    @Column(name = "category_code")
    private String categoryCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    private SubjectType subjectType;
    @Column(name = "subject_value")
    private String subjectValue;
    private String description;
    @Enumerated(EnumType.STRING)
    private Anonymity anonymity;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    private boolean urgent;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "acknowledge_due_at")
    private Instant acknowledgeDueAt;
    @Column(name = "calendar_incomplete")
    private boolean calendarIncomplete;
    @Column(name = "receipt_hash")
    private byte[] receiptHash;
    @Column(name = "claim_secret_hash")
    private byte[] claimSecretHash;
    @Column(name = "sealed_identity")
    private byte[] sealedIdentity;
    @Column(name = "sealed_contact")
    private byte[] sealedContact;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    private String department;
    private String assignee;
    @Column(name = "first_receiver")
    private String firstReceiver;
    @Column(name = "lead_case_id")
    @Convert(converter = NullableUuid.class)
    private UUID leadCaseId;
    @Column(name = "waiting_since")
    private Instant waitingSince;
    @Column(name = "disposition_reason")
    private String dispositionReason;
    @Column(name = "referred_to")
    private String referredTo;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "feedback_at")
    private Instant feedbackAt;
    @Column(name = "feedback_impossible_reason")
    private String feedbackImpossibleReason;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "identity_share_consent")
    private boolean identityShareConsent;
    @Column(name = "referred_tenant_id")
    @Convert(converter = NullableUuid.class)
    private UUID referredTenantId;
    @Column(name = "referred_case_id")
    @Convert(converter = NullableUuid.class)
    private UUID referredCaseId;
    @Column(name = "referral_category")
    private String referralCategory;
    @Column(name = "referral_with_identity")
    private boolean referralWithIdentity;
    @Column(name = "referral_due_date")
    private LocalDate referralDueDate;
    @Column(name = "referral_delivered_at")
    private Instant referralDeliveredAt;
    @Column(name = "referred_from_tenant_id")
    @Convert(converter = NullableUuid.class)
    private UUID referredFromTenantId;
    @Column(name = "referred_from_case_id")
    @Convert(converter = NullableUuid.class)
    private UUID referredFromCaseId;
    @Column(name = "referred_from_reference")
    private String referredFromReference;
    @Column(name = "legal_hold_reason")
    private String legalHoldReason;
    @Column(name = "legal_hold_by")
    private String legalHoldBy;
    @Column(name = "legal_hold_since")
    private Instant legalHoldSince;
    @Column(name = "purged_at")
    private Instant purgedAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Case() {
    }

    private Case(CaseId id, ReferenceNumber reference, Instant receivedAt) {
        this.id = id.value();
        this.reference = reference.value();
        this.receivedAt = receivedAt;
        this.updatedAt = receivedAt;
        this.status = CaseStatus.RECEIVED;
        this.severity = Severity.ORDINARY;
    }

    /** Registers a report as it arrives; everything the reporter chose is fixed here. */
    public static Case receive(CaseId id, ReferenceNumber reference, Registration registration, Instant now) {
        Case c = new Case(id, reference, now);
        c.channelCode = registration.channelCode();
        c.categoryCode = registration.categoryCode();
        c.subjectType = registration.subject().type();
        c.subjectValue = registration.subject().value();
        c.description = registration.description();
        c.anonymity = registration.anonymity();
        c.severity = registration.severity() == null ? Severity.ORDINARY : registration.severity();
        c.urgent = registration.urgent();
        c.acknowledgeDueAt = registration.acknowledgeDueAt();
        c.calendarIncomplete = registration.calendarIncomplete();
        c.receiptHash = registration.receiptHash().clone();
        c.claimSecretHash = registration.claimSecretHash().clone();
        c.sealedIdentity = registration.sealedIdentity();
        c.sealedContact = registration.sealedContact();
        return c;
    }

    /** A member of staff registered a report received by phone, letter, e-mail or in person (首问负责制). */
    public void registeredBy(String staff) {
        this.firstReceiver = staff;
    }

    /** Triage: the report is within the tenant's remit and will be handled. */
    public void accept(Instant now) {
        moveTo(CaseStatus.ACCEPTED, now);
    }

    /** Triage: outside the remit, with the reason and where else the reporter can go. */
    public void reject(String reason, String goElsewhere, Instant now) {
        moveTo(CaseStatus.REJECTED, now);
        dispositionReason = reason;
        referredTo = goElsewhere;
        waitingSince = null;
    }

    /** The reporter agreed, at intake, that their identity may be passed on if the case is referred to another body. */
    public void consentToShareIdentity(boolean consent) {
        identityShareConsent = consent;
    }

    /**
     * Triage: handed to another body that is itself a tenant of the platform, where the case is created (see
     * {@link #referralDelivered}). The reporter's identity goes along only with their consent.
     */
    public void referTo(Referral referral, String reason, Instant now) {
        if (referral.withIdentity() && !identityShareConsent) {
            throw CaseRuleViolation.conflict("IDENTITY_CONSENT_MISSING",
                    "The reporter did not consent to their identity being passed on; refer the case without it.");
        }
        transfer(referral.bodyName(), reason, now);
        referredTenantId = referral.tenantId();
        referralCategory = referral.categoryCode();
        referralWithIdentity = referral.withIdentity();
        referralDueDate = referral.dueBy();
    }

    /** The receiving body now holds the case as {@code received}. */
    public void referralDelivered(CaseId received, Instant now) {
        referredCaseId = received.value();
        referralDeliveredAt = now;
    }

    /** This case was referred by another body on the platform, whose case it continues. */
    public void referredFrom(UUID tenantId, CaseId caseId, ReferenceNumber reference) {
        referredFromTenantId = tenantId;
        referredFromCaseId = caseId.value();
        referredFromReference = reference.value();
    }

    /** Triage: handed to a named external body. */
    public void transfer(String body, String reason, Instant now) {
        moveTo(CaseStatus.TRANSFERRED, now);
        referredTo = body;
        dispositionReason = reason;
        waitingSince = null;
    }

    /**
     * Assigns the case to a department and/or a handler; an accepted case thereby goes into investigation.
     * Possible until a decision, and again while an appeal is reviewed.
     */
    public void assign(String toDepartment, String toHandler, Instant now) {
        if (!(status == CaseStatus.RECEIVED || status == CaseStatus.ACCEPTED || status == CaseStatus.IN_PROGRESS
                || status == CaseStatus.APPEALED)) {
            throw CaseRuleViolation.conflict("NOT_ASSIGNABLE", "Case " + reference + " is " + status
                    + " and can no longer be assigned.");
        }
        department = toDepartment;
        assignee = toHandler;
        if (status == CaseStatus.ACCEPTED) {
            moveTo(CaseStatus.IN_PROGRESS, now);
        }
        updatedAt = now;
    }

    /** Investigation begins; also where a review that reversed the decision sends the case back. */
    public void startInvestigation(Instant now) {
        moveTo(CaseStatus.IN_PROGRESS, now);
    }

    /** Staff ask the reporter for more information; the case then waits for the reply. */
    public void requestInformation(Instant now) {
        if (!(status == CaseStatus.RECEIVED || status == CaseStatus.ACCEPTED || status == CaseStatus.IN_PROGRESS
                || status == CaseStatus.APPEALED)) {
            throw CaseRuleViolation.conflict("NOT_OPEN_FOR_QUESTIONS", "Case " + reference + " is " + status
                    + "; the reporter can no longer be asked.");
        }
        if (waitingSince != null) {
            throw CaseRuleViolation.conflict("ALREADY_WAITING", "Case " + reference
                    + " is already waiting for the reporter's answer.");
        }
        waitingSince = now;
        updatedAt = now;
    }

    /** The wait for the reporter ends (their reply, or staff stop waiting); returns when it began, if it was waiting. */
    public Optional<Instant> stopWaiting(Instant now) {
        Instant since = waitingSince;
        waitingSince = null;
        if (since != null) {
            updatedAt = now;
        }
        return Optional.ofNullable(since);
    }

    /** Raises or lowers the case's severity and urgency; not once it is closed or otherwise finished. */
    public void flag(Severity newSeverity, boolean newUrgent, Instant now) {
        if (!status.open() || status == CaseStatus.DECIDED) {
            throw CaseRuleViolation.conflict("NOT_FLAGGABLE", "Case " + reference + " is " + status + ".");
        }
        severity = newSeverity;
        urgent = newUrgent;
        updatedAt = now;
    }

    /** The decision: outcome and who made it (the reviewer of an appeal must be someone else). */
    public void decide(Outcome decided, String by, Instant now) {
        moveTo(CaseStatus.DECIDED, now);
        outcome = decided;
        decidedBy = by;
        decidedAt = now;
        feedbackAt = null;
        feedbackImpossibleReason = null;
        waitingSince = null;
    }

    /** Feedback was given to the reporter on the decision. */
    public void feedbackGiven(Instant now) {
        requireFeedbackOpen();
        feedbackAt = now;
        updatedAt = now;
    }

    /** Feedback cannot be given (e.g. an anonymous report without a way to reach the reporter); why is recorded. */
    public void feedbackImpossible(String why, Instant now) {
        requireFeedbackOpen();
        feedbackImpossibleReason = why;
        updatedAt = now;
    }

    private void requireFeedbackOpen() {
        if (status != CaseStatus.DECIDED) {
            throw new IllegalTransition(reference(), status, CaseStatus.CLOSED);
        }
        if (feedbackAt != null || feedbackImpossibleReason != null) {
            throw CaseRuleViolation.conflict("FEEDBACK_ALREADY_RECORDED", "Feedback on case " + reference
                    + " was already recorded.");
        }
    }

    /** Closes a decided case; feedback must have been given, or why it could not be recorded. */
    public void close(Instant now) {
        if (status != CaseStatus.DECIDED) {
            // APPEALED may also move to CLOSED, but only through a review by a different handler
            throw new IllegalTransition(reference(), status, CaseStatus.CLOSED);
        }
        if (feedbackAt == null && feedbackImpossibleReason == null) {
            throw CaseRuleViolation.conflict("FEEDBACK_MISSING", "Case " + reference
                    + " cannot be closed before feedback is given or recorded as impossible.");
        }
        moveTo(CaseStatus.CLOSED, now);
        closedAt = now;
    }

    /** The reporter appeals a closed case (the appeal window is the caller's to check). */
    public void appeal(Instant now) {
        requireNotPurged();
        moveTo(CaseStatus.APPEALED, now);
    }

    /** A different handler reviewed the appeal and upheld the decision. */
    public void upholdOnReview(String reviewer, Instant now) {
        requireReviewable(reviewer, CaseStatus.CLOSED);
        moveTo(CaseStatus.CLOSED, now);
        closedAt = now;
        waitingSince = null;
    }

    /** A different handler reviewed the appeal and reversed it: the case is handled again. */
    public void reverseOnReview(String reviewer, Instant now) {
        requireReviewable(reviewer, CaseStatus.IN_PROGRESS);
        moveTo(CaseStatus.IN_PROGRESS, now);
        closedAt = null;
        outcome = null; // the reversed decision no longer stands (its record stays in the decisions)
    }

    private void requireReviewable(String reviewer, CaseStatus target) {
        if (status != CaseStatus.APPEALED) {
            throw new IllegalTransition(reference(), status, target);
        }
        if (reviewer.equals(decidedBy)) {
            throw CaseRuleViolation.forbidden("REVIEWER_IS_DECIDER",
                    "An appeal is reviewed by a different handler than the one who decided the case.");
        }
    }

    /** Merges this duplicate into {@code lead}; the reporter keeps the receipt and sees the lead's outcome. */
    public void mergeInto(Case lead, Instant now) {
        if (lead.id.equals(id)) {
            throw CaseRuleViolation.conflict("MERGE_INTO_ITSELF", "A case cannot be merged into itself.");
        }
        if (lead.status == CaseStatus.MERGED || lead.status == CaseStatus.REJECTED
                || lead.status == CaseStatus.TRANSFERRED) {
            throw CaseRuleViolation.conflict("LEAD_NOT_OPEN", "Case " + lead.reference + " is " + lead.status
                    + " and cannot lead other cases.");
        }
        moveTo(CaseStatus.MERGED, now);
        leadCaseId = lead.id;
        waitingSince = null;
    }

    /**
     * This duplicate's lead was itself merged into {@code newLead}: the duplicate follows, so that its reporter
     * sees the outcome of the case that is actually handled and no duplicate is left pointing at a merged case.
     */
    public void followLead(Case newLead, Instant now) {
        if (status != CaseStatus.MERGED || newLead.status == CaseStatus.MERGED) {
            throw new IllegalStateException("Only a merged case follows its lead into an unmerged case.");
        }
        leadCaseId = newLead.id;
        updatedAt = now;
    }

    /** The lead case takes in a duplicate: nothing about it changes but its version, so concurrent edits conflict. */
    public void tookIn(Instant now) {
        updatedAt = now;
    }

    /** A note, a statement or an alert was added: the case changed even though no field did. */
    public void touched(Instant now) {
        updatedAt = now;
    }

    private void moveTo(CaseStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransition(reference(), status, target);
        }
        status = target;
        updatedAt = now;
    }

    /**
     * A supervisor keeps the case whole, whatever its age, until the hold is released (a court case, an authority's
     * request): the retention purge passes it by. The case's end and its handling are not changed.
     */
    public void placeOnLegalHold(String reason, String by, Instant now) {
        requireNotPurged();
        if (legalHoldSince != null) {
            throw CaseRuleViolation.conflict("ALREADY_ON_LEGAL_HOLD", "Case " + reference + " is already on legal hold"
                    + " (since " + legalHoldSince + ", by " + legalHoldBy + ").");
        }
        legalHoldReason = reason;
        legalHoldBy = by;
        legalHoldSince = now;
    }

    /** Releases the legal hold: from now on the case is purged once its retention has ended. */
    public void releaseLegalHold() {
        if (legalHoldSince == null) {
            throw CaseRuleViolation.conflict("NOT_ON_LEGAL_HOLD", "Case " + reference + " is not on legal hold.");
        }
        legalHoldReason = null;
        legalHoldBy = null;
        legalHoldSince = null;
    }

    private void requireNotPurged() {
        if (purgedAt != null) {
            throw CaseRuleViolation.conflict("CASE_PURGED", "Case " + reference + "'s personal data was erased on "
                    + purgedAt + " when its retention ended; only its record remains.");
        }
    }

    /** The reporter adds a message or files; refused once the case can no longer change. */
    public void acceptReporterInformation(Instant now) {
        if (!status.open()) {
            throw new CaseClosedToReporter(new ReferenceNumber(reference), status);
        }
        updatedAt = now;
    }

    public CaseId id() {
        return new CaseId(id);
    }

    public ReferenceNumber reference() {
        return new ReferenceNumber(reference);
    }

    public String channelCode() {
        return channelCode;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public Subject subject() {
        return new Subject(subjectType, subjectValue);
    }

    public String description() {
        return description;
    }

    public Anonymity anonymity() {
        return anonymity;
    }

    public CaseStatus status() {
        return status;
    }

    public boolean urgent() {
        return urgent;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant acknowledgeDueAt() {
        return acknowledgeDueAt;
    }

    public boolean calendarIncomplete() {
        return calendarIncomplete;
    }

    public boolean hasIdentity() {
        return sealedIdentity != null;
    }

    /** The reporter's identity as stored: ciphertext under the tenant's key. Opening it must be audited. */
    public Optional<byte[]> sealedIdentity() {
        return Optional.ofNullable(sealedIdentity).map(byte[]::clone);
    }

    /** The reporter's contact as stored: ciphertext under the tenant's key. */
    public Optional<byte[]> sealedContact() {
        return Optional.ofNullable(sealedContact).map(byte[]::clone);
    }

    public Severity severity() {
        return severity;
    }

    public Optional<String> department() {
        return Optional.ofNullable(department);
    }

    public Optional<String> assignee() {
        return Optional.ofNullable(assignee);
    }

    public Optional<String> firstReceiver() {
        return Optional.ofNullable(firstReceiver);
    }

    public Optional<CaseId> leadCase() {
        return Optional.ofNullable(leadCaseId).map(CaseId::new);
    }

    public Optional<Instant> waitingSince() {
        return Optional.ofNullable(waitingSince);
    }

    public Optional<String> dispositionReason() {
        return Optional.ofNullable(dispositionReason);
    }

    public Optional<String> referredTo() {
        return Optional.ofNullable(referredTo);
    }

    /** Whether {@code hash} is the keyed hash of the claim secret given at intake (compared in constant time). */
    public boolean claimSecretMatches(byte[] hash) {
        return claimSecretHash != null && java.security.MessageDigest.isEqual(claimSecretHash, hash);
    }

    public Optional<Outcome> outcome() {
        return Optional.ofNullable(outcome);
    }

    public Optional<String> decidedBy() {
        return Optional.ofNullable(decidedBy);
    }

    public Optional<Instant> feedbackAt() {
        return Optional.ofNullable(feedbackAt);
    }

    public Optional<String> feedbackImpossibleReason() {
        return Optional.ofNullable(feedbackImpossibleReason);
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    public boolean identityShareConsent() {
        return identityShareConsent;
    }

    /** Where this case was referred on the platform, if it was. */
    public Optional<Referral> referral() {
        return Optional.ofNullable(referredTenantId).map(t -> new Referral(t, referredTo, referralCategory,
                referralWithIdentity, referralDueDate));
    }

    public Optional<CaseId> referredCase() {
        return Optional.ofNullable(referredCaseId).map(CaseId::new);
    }

    public Optional<Instant> referralDeliveredAt() {
        return Optional.ofNullable(referralDeliveredAt);
    }

    public Optional<UUID> referredFromTenant() {
        return Optional.ofNullable(referredFromTenantId);
    }

    public Optional<CaseId> referredFromCase() {
        return Optional.ofNullable(referredFromCaseId).map(CaseId::new);
    }

    public Optional<String> referredFromReference() {
        return Optional.ofNullable(referredFromReference);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The legal hold the case is on, if any. */
    public Optional<LegalHold> legalHold() {
        return Optional.ofNullable(legalHoldSince).map(since -> new LegalHold(legalHoldReason, legalHoldBy, since));
    }

    /** When the retention purge erased the case's personal data, if it has. */
    public Optional<Instant> purgedAt() {
        return Optional.ofNullable(purgedAt);
    }

    public long version() {
        return version;
    }
}
