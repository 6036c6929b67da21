package io.qinglang.platform.retention.domain;

import java.time.Instant;

/**
 * Where a body's retention stands: ended cases whose retention is over (purged at the next run), those whose
 * retention ends within the next 30 days, the cases on legal hold, the cases purged so far and when the last was.
 */
public record RetentionOutlook(int dueNow, int dueWithin30Days, int onLegalHold, int purged, Instant lastPurgedAt) {
}
