package io.qinglang.platform.audit.domain;

import java.time.Instant;

/**
 * What to look for in a tenant's audit trail, newest first: events by an actor, of an action, on a subject, within
 * a time span (each optional; text matched without regard to case, the actor and subject also by a part), before the
 * event {@code beforeSeq} (the next page), at most {@code limit}.
 */
public record AuditQuery(String actor, String action, String subject, Instant from, Instant to, Long beforeSeq,
                         int limit) {

    public static final int MAX_LIMIT = 200;

    public AuditQuery {
        actor = blankToNull(actor);
        action = blankToNull(action);
        subject = blankToNull(subject);
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
