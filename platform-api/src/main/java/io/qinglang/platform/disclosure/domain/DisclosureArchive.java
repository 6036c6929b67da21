package io.qinglang.platform.disclosure.domain;

import io.qinglang.platform.audit.domain.ChainHead;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The disclosure reports of the tenant in scope and their files. Versions of a period are numbered 1, 2, … in the
 * order they are requested; stored files are never changed or removed.
 */
public interface DisclosureArchive {

    /** Queues a new version of the period's report; empty while an earlier version of it is still being made. */
    Optional<DisclosureReport> request(String period, String requestedBy, Instant now);

    /**
     * Queues the period's scheduled report, unless it was asked for already (by this node or any other) — or, if
     * that one failed, unless {@code maxFailures} scheduled attempts at the period have failed.
     */
    Optional<DisclosureReport> requestScheduled(String period, Instant now, int maxFailures);

    /**
     * Takes the oldest queued report that is due, or one whose generating node let its lease run out, for
     * {@code node} for {@code lease} (database time); concurrent callers never get the same report. A report whose
     * lease ran out after {@code maxAttempts} attempts is marked failed instead.
     */
    Optional<DisclosureReport> claim(String node, Duration lease, int maxAttempts);

    /** Records how far generation got and extends the lease; false if the report is no longer this node's. */
    boolean progress(UUID id, String node, int percent, String step, Duration lease);

    /**
     * Stores the files and the audit chain head they were made at, and marks the report ready (and published if asked);
     * false if it was not this node's.
     */
    boolean complete(UUID id, String node, List<StoredDocument> documents, ChainHead auditHead, Instant now,
                     boolean publish);

    /** Gives the report back to the queue after {@code retryAfter}, or, when that is null, marks it failed for good. */
    void fail(UUID id, String node, String failure, Duration retryAfter);

    /** Publishes a ready, unpublished report; true only if this call published it. */
    boolean publish(UUID id, Instant now);

    Optional<DisclosureReport> find(UUID id);

    /** Newest period first, then newest version first. */
    List<DisclosureReport> list(boolean publishedOnly);

    Optional<StoredDocument> document(UUID id, ReportEdition edition);
}
