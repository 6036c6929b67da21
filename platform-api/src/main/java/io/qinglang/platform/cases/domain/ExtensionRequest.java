package io.qinglang.platform.cases.domain;

import io.qinglang.platform.deadlines.domain.DeadlineStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A handler's request to extend a stage's deadline under the policy's extension rule, and the supervisor's answer. */
@Entity
@Table(name = "extension_requests")
public class ExtensionRequest {

    /** Where a request stands. */
    public enum Status { PENDING, APPROVED, DENIED }

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "deadline_id")
    private UUID deadlineId;
    @Enumerated(EnumType.STRING)
    private DeadlineStage stage;
    private String reason;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "answered_by")
    private String answeredBy;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "answer_reason")
    private String answerReason;
    @Version
    private long version;

    protected ExtensionRequest() {
    }

    public ExtensionRequest(CaseDeadline deadline, String reason, String requestedBy, Instant requestedAt) {
        this.id = UUID.randomUUID();
        this.caseId = deadline.caseId().value();
        this.deadlineId = deadline.id();
        this.stage = deadline.stage();
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = Status.PENDING;
    }

    /** A supervisor answers; nobody answers their own request, and a request is answered once. */
    public void answer(boolean approve, String supervisor, String why, Instant now) {
        if (status != Status.PENDING) {
            throw CaseRuleViolation.conflict("EXTENSION_ALREADY_ANSWERED", "This extension request was already " + status + ".");
        }
        if (supervisor.equals(requestedBy)) {
            throw CaseRuleViolation.forbidden("OWN_EXTENSION_REQUEST", "An extension request is answered by another supervisor than the one who made it.");
        }
        status = approve ? Status.APPROVED : Status.DENIED;
        answeredBy = supervisor;
        answeredAt = now;
        answerReason = why;
    }

    public UUID id() {
        return id;
    }

    public CaseId caseId() {
        return new CaseId(caseId);
    }

    public UUID deadlineId() {
        return deadlineId;
    }

    public DeadlineStage stage() {
        return stage;
    }

    public String reason() {
        return reason;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public Status status() {
        return status;
    }

    public String answeredBy() {
        return answeredBy;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public String answerReason() {
        return answerReason;
    }
}
