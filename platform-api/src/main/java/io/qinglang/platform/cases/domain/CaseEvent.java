package io.qinglang.platform.cases.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An entry in a case's timeline. Entries are never changed; those marked reporter-visible are what the
 * reporter sees when tracking the case.
 */
@Entity
@Table(name = "case_events")
public class CaseEvent {

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Enumerated(EnumType.STRING)
    private CaseEventType type;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "actor_kind")
    private ActorKind actorKind;
    @Column(name = "actor_id")
    private String actorId;
    @Column(name = "reporter_visible")
    private boolean reporterVisible;
    private String message;

    protected CaseEvent() {
    }

    public CaseEvent(CaseId caseId, CaseEventType type, ActorKind actor, boolean reporterVisible, String message,
                     Instant occurredAt) {
        this.id = UUID.randomUUID();
        this.caseId = caseId.value();
        this.type = type;
        this.actorKind = actor;
        this.reporterVisible = reporterVisible;
        this.message = message;
        this.occurredAt = occurredAt;
    }

    /** An entry made by a member of staff, who is named in the internal timeline (never to the reporter). */
    public static CaseEvent byStaff(CaseId caseId, CaseEventType type, String staff, boolean reporterVisible,
                                    String message, Instant occurredAt) {
        CaseEvent event = new CaseEvent(caseId, type, ActorKind.STAFF, reporterVisible, message, occurredAt);
        event.actorId = staff;
        return event;
    }

    public UUID id() {
        return id;
    }

    public CaseId caseId() {
        return new CaseId(caseId);
    }

    public CaseEventType type() {
        return type;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public ActorKind actorKind() {
        return actorKind;
    }

    /** The member of staff who made the entry; null for the reporter and the system. */
    public String actorId() {
        return actorId;
    }

    public boolean reporterVisible() {
        return reporterVisible;
    }

    public String message() {
        return message;
    }
}
