package io.qinglang.platform.cases.domain;

import java.time.Instant;
import java.util.Set;

/**
 * Which cases a handler wants to see: any combination of states, category, channel, urgency, a receipt
 * window and a text to find in the reference, subject or description. Null means "any".
 */
public record CaseFilter(Set<CaseStatus> statuses, String category, String channel, Boolean urgent,
                         Instant receivedFrom, Instant receivedBefore, String text) {
}
