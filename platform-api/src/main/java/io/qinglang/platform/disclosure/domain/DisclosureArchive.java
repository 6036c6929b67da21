package io.qinglang.platform.disclosure.domain;

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

    /** Queues a new version of the period's report. */
    DisclosureReport request(String period, String requestedBy, Instant now);

    /** Queues the period's scheduled report, unless it was asked for already (by this node or any other). */
    Optional<DisclosureReport> requestScheduled(String period, Instant now);

    /**
     * Takes the oldest queued report, or one whose generating node let its lease run out, for {@code node} until
     * {@code now + lease}; concurrent callers never get the same report.
     */
    Optional<DisclosureReport> claim(String node, Instant now, Duration lease);

    /** Records how far generation got and extends the lease; false if the report is no longer this node's. */
    boolean progress(UUID id, String node, int percent, String step, Instant leaseUntil);

    /** Stores the files and marks the report ready (and published if asked); false if it was not this node's. */
    boolean complete(UUID id, String node, List<StoredDocument> documents, Instant now, boolean publish);

    /** Gives the report back to the queue, or marks it failed for good when {@code last}. */
    void fail(UUID id, String node, String failure, boolean last);

    /** Publishes a ready report; false if it is not ready. Publishing again changes nothing. */
    boolean publish(UUID id, Instant now);

    Optional<DisclosureReport> find(UUID id);

    /** Newest period first, then newest version first. */
    List<DisclosureReport> list(boolean publishedOnly);

    Optional<StoredDocument> document(UUID id, ReportEdition edition);
}
