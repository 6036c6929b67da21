package io.qinglang.platform.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
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
        c.urgent = registration.urgent();
        c.acknowledgeDueAt = registration.acknowledgeDueAt();
        c.calendarIncomplete = registration.calendarIncomplete();
        c.receiptHash = registration.receiptHash().clone();
        c.claimSecretHash = registration.claimSecretHash().clone();
        c.sealedIdentity = registration.sealedIdentity();
        c.sealedContact = registration.sealedContact();
        return c;
    }

    /** Triage: the report is within the tenant's remit and will be handled. */
    public void accept(Instant now) {
        moveTo(CaseStatus.ACCEPTED, now);
    }

    /** Triage: outside the remit; the reason and where else to go are recorded by the caller. */
    public void reject(Instant now) {
        moveTo(CaseStatus.REJECTED, now);
    }

    /** Triage: handed to a named external body. */
    public void transfer(Instant now) {
        moveTo(CaseStatus.TRANSFERRED, now);
    }

    /** Investigation begins; also where a review that reversed the decision sends the case back. */
    public void startInvestigation(Instant now) {
        moveTo(CaseStatus.IN_PROGRESS, now);
    }

    public void decide(Instant now) {
        moveTo(CaseStatus.DECIDED, now);
    }

    public void close(Instant now) {
        moveTo(CaseStatus.CLOSED, now);
    }

    /** The reporter appeals a closed case (the appeal window is the caller's to check). */
    public void appeal(Instant now) {
        moveTo(CaseStatus.APPEALED, now);
    }

    /** A different handler reviewed the appeal and upheld the decision. */
    public void upholdOnReview(Instant now) {
        if (status != CaseStatus.APPEALED) {
            throw new IllegalTransition(reference(), status, CaseStatus.CLOSED);
        }
        moveTo(CaseStatus.CLOSED, now);
    }

    /** A different handler reviewed the appeal and reversed it: the case is handled again. */
    public void reverseOnReview(Instant now) {
        if (status != CaseStatus.APPEALED) {
            throw new IllegalTransition(reference(), status, CaseStatus.IN_PROGRESS);
        }
        moveTo(CaseStatus.IN_PROGRESS, now);
    }

    private void moveTo(CaseStatus target, Instant now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransition(reference(), status, target);
        }
        status = target;
        updatedAt = now;
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
    public java.util.Optional<byte[]> sealedIdentity() {
        return java.util.Optional.ofNullable(sealedIdentity).map(byte[]::clone);
    }

    /** The reporter's contact as stored: ciphertext under the tenant's key. */
    public java.util.Optional<byte[]> sealedContact() {
        return java.util.Optional.ofNullable(sealedContact).map(byte[]::clone);
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
