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
 * A file attached to a case (a screenshot, a receipt, a contract). Its bytes live apart, sealed under the
 * tenant's data key, so listing evidence never loads them.
 */
@Entity
@Table(name = "evidence")
public class Evidence {

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "file_name")
    private String fileName;
    @Column(name = "content_type")
    private String contentType;
    @Column(name = "size_bytes")
    private long sizeBytes;
    private String sha256;
    @Enumerated(EnumType.STRING)
    @Column(name = "uploaded_by")
    private ActorKind uploadedBy;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    protected Evidence() {
    }

    public Evidence(CaseId caseId, UUID eventId, EvidenceFile file, ActorKind uploadedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.caseId = caseId.value();
        this.eventId = eventId;
        this.fileName = file.fileName();
        this.contentType = file.contentType();
        this.sizeBytes = file.content().length;
        this.sha256 = file.sha256();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = now;
    }

    public UUID id() {
        return id;
    }

    public CaseId caseId() {
        return new CaseId(caseId);
    }

    public UUID eventId() {
        return eventId;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public ActorKind uploadedBy() {
        return uploadedBy;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
