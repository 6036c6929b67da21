package io.qinglang.platform.disclosure.domain;

import io.qinglang.platform.audit.domain.ChainHead;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One version of a tenant's disclosure report for a period. It is requested (by an admin, or by the schedule once a
 * period has closed), queued, claimed by one node and generated ({@code progress} 0–100 with the current
 * {@code step}), then archived unchanged with its files ({@code READY}), or {@code FAILED} after its attempts. A
 * report made again is a new version; a ready report may be published once, and is then listed on the portal. A
 * ready report carries the tenant's audit chain head as it stood when the report was made ({@code auditHead}; none on
 * reports made before heads were kept), printed in its files too.
 */
public record DisclosureReport(UUID id, String period, int version, Origin origin, String requestedBy,
                               Instant requestedAt, State state, int progress, String step, int attempts,
                               Instant generatedAt, String failure, Instant publishedAt, List<Document> documents,
                               ChainHead auditHead) {

    /** Who asked for it. */
    public enum Origin { ON_DEMAND, SCHEDULED }

    public enum State { QUEUED, GENERATING, READY, FAILED }

    /** A file of a ready report, without its bytes; {@code edition} as in URLs ({@link ReportEdition#code()}). */
    public record Document(String edition, String fileName, String sha256, int sizeBytes) {
    }

    public DisclosureReport {
        documents = List.copyOf(documents);
    }

    public boolean published() {
        return publishedAt != null;
    }
}
