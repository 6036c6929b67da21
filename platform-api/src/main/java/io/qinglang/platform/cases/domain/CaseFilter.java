package io.qinglang.platform.cases.domain;

import io.qinglang.platform.shared.domain.Severity;
import java.time.Instant;
import java.util.Set;

/**
 * Which cases a handler wants to see: any combination of states, severities, category, channel, urgency,
 * department, assignee, a receipt window, a window in which a running (unpaused) stage falls due, and a text
 * to find in the reference, subject or description. Null (or empty) means "any".
 *
 * @param oldestFirst list in order of receipt instead of newest first
 */
public record CaseFilter(Set<CaseStatus> statuses, Set<Severity> severities, String category, String channel,
                         Boolean urgent, String department, String assignee, Instant receivedFrom,
                         Instant receivedBefore, Instant dueFrom, Instant dueBefore, String text, boolean oldestFirst) {
}
