package io.qinglang.platform.cases.application;

import io.qinglang.platform.cases.domain.Case;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** How staff see cases: a summary in lists, the detail with the full internal timeline. */
public final class CaseViews {

    private CaseViews() {
    }

    /** One case in a list. */
    public record Summary(UUID id, String reference, String status, String channel, String category,
                          String subjectType, String subject, boolean urgent, String anonymity, Instant receivedAt,
                          Instant acknowledgeBy) {
        static Summary of(Case c) {
            return new Summary(c.id().value(), c.reference().value(), c.status().name(), c.channelCode(),
                    c.categoryCode(), c.subject().type().name(), c.subject().value(), c.urgent(), c.anonymity().name(),
                    c.receivedAt(), c.acknowledgeDueAt());
        }
    }

    /** A page of the list and the cursor of the next (absent on the last page). */
    public record Page(List<Summary> items, String nextCursor) {
    }

    /** One case with everything staff may see without opening the reporter's identity. */
    public record Detail(Summary summary, String description, boolean reporterIdentityOnFile,
                         boolean calendarIncomplete, List<Entry> timeline) {
    }

    /** A timeline entry as staff see it, with whether the reporter sees it too. */
    public record Entry(UUID id, String type, Instant at, String by, boolean reporterVisible, String message,
                        List<CaseTracking.File> files) {
    }

    /** The reporter's identity and contact, opened for a stated reason (and audited). */
    public record ReporterIdentity(String reference, String anonymity, String identity, String contact) {
    }
}
