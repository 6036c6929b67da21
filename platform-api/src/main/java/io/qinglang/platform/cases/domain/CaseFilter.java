package io.qinglang.platform.cases.domain;

import io.qinglang.platform.shared.domain.Severity;
import java.time.Instant;
import java.util.Set;

/**
 * Which cases a handler wants to see: any combination of states, severities, category, channel, urgency,
 * department, assignee, a receipt window, a window in which a running (unpaused) stage falls due, and a text
 * to find in the reference, subject or description. Null (or empty) means "any"; a {@code Boolean} asks for the
 * cases that have (true) or lack (false) the property.
 *
 * @param open             in one of the {@linkplain CaseStatus#openStates() open states}
 * @param assigned         someone is assigned
 * @param waiting          waiting for the reporter's answer
 * @param major            urgent, or of a {@linkplain Severity#major() major} severity
 * @param extensionPending an extension request awaits a supervisor's answer
 * @param rewardPending    the reward proposed for the case (as the decided case) awaits a supervisor's approval
 * @param oldestFirst      list in order of receipt instead of newest first
 */
public record CaseFilter(Set<CaseStatus> statuses, Set<Severity> severities, String category, String channel,
                         Boolean urgent, String department, String assignee, Instant receivedFrom,
                         Instant receivedBefore, Instant dueFrom, Instant dueBefore, String text, Boolean open,
                         Boolean assigned, Boolean waiting, Boolean major, Boolean extensionPending,
                         Boolean rewardPending, boolean oldestFirst) {
}
