package io.qinglang.platform.notifications.domain;

import io.qinglang.platform.shared.domain.NullableUuid;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A message waiting in the outbox. It names its audience, not addresses: staff addresses come from the
 * identity provider when it is sent, and a reporter's address only from their contact, still sealed here.
 * The text never carries a report's content or a reporter's identity. Failed sends are retried with growing
 * pauses, then given up (and left visible with the last error).
 */
@Entity
@Table(name = "notifications")
public class Notification {

    /** Pauses before each retry; after the last, the notification is given up. */
    static final List<Duration> RETRY_AFTER = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(12));

    @Id
    private UUID id;
    @Column(name = "case_id")
    @Convert(converter = NullableUuid.class)
    private UUID caseId;
    private String kind;
    @Enumerated(EnumType.STRING)
    private Audience audience;
    private String assignee;
    @Column(name = "sealed_contact")
    private byte[] sealedContact;
    private String subject;
    private String body;
    @Column(name = "created_at")
    private Instant createdAt;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    private int recipients;
    @Column(name = "last_error")
    private String lastError;
    @Version
    private long version;

    protected Notification() {
    }

    public Notification(UUID caseId, String kind, Audience audience, String assignee, byte[] sealedContact,
                        String subject, String body, Instant now) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.kind = kind;
        this.audience = audience;
        this.assignee = assignee;
        this.sealedContact = sealedContact == null ? null : sealedContact.clone();
        this.subject = subject;
        this.body = body;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /**
     * A dispatcher takes this notification to send it outside any transaction: until {@code until} no other
     * dispatcher claims it. Should the dispatcher die before recording the result, it is sent again after that.
     */
    public void leaseUntil(Instant until) {
        nextAttemptAt = until;
    }

    /** Whether the lease until {@code until} is still in place (not run out and taken by another, not finished). */
    public boolean leaseHeld(Instant until) {
        return sentAt == null && until.equals(nextAttemptAt);
    }

    /** The dispatcher gave back a leased notification it did not get to: it is due again at once. */
    public void released(Instant now) {
        if (sentAt == null) {
            nextAttemptAt = now;
        }
    }

    public void sent(int to, Instant now) {
        attempts++;
        sentAt = now;
        recipients = to;
        nextAttemptAt = null;
        lastError = null;
    }

    /** A send failed; it is tried again later, or given up after the last pause. */
    public void failed(String error, Instant now) {
        attempts++;
        lastError = error == null ? "unknown error" : error.substring(0, Math.min(500, error.length()));
        nextAttemptAt = attempts <= RETRY_AFTER.size() ? now.plus(RETRY_AFTER.get(attempts - 1)) : null;
    }

    public UUID id() {
        return id;
    }

    /** The case it concerns; null for a notice about the tenant as a whole. */
    public UUID caseId() {
        return caseId;
    }

    public String kind() {
        return kind;
    }

    public Audience audience() {
        return audience;
    }

    public Optional<String> assignee() {
        return Optional.ofNullable(assignee);
    }

    public Optional<byte[]> sealedContact() {
        return Optional.ofNullable(sealedContact).map(byte[]::clone);
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public int attempts() {
        return attempts;
    }

    public Optional<Instant> nextAttemptAt() {
        return Optional.ofNullable(nextAttemptAt);
    }

    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    public int recipients() {
        return recipients;
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }
}
