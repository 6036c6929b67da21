package io.qinglang.platform.retention.domain;

import java.time.Instant;
import java.util.List;

/**
 * The cases of the tenant in scope whose personal data the retention purge erases, and the erasing. A case is due when
 * it has ended (closed, refused, transferred or merged; its end is when it was closed, else its last change) at or
 * before the cutoff, is on no legal hold, was not purged yet, and nothing still needs its personal data: a referral
 * not yet delivered, a reward proposed or claimed, or approved and still claimable, or (for a merged duplicate) a lead
 * case that is not due itself.
 */
public interface PurgeStore {

    /**
     * Claims up to {@code limit} due cases, oldest end first, locking them until the transaction ends; rows another
     * transaction holds are skipped, so purges running on several nodes never take the same case.
     */
    List<PurgeCandidate> claimDue(Instant cutoff, Instant now, int limit);

    /**
     * Erases the claimed cases' personal data, keeping each case's record (reference, dates, category, channel, state,
     * outcome, deadlines, who handled it) and adding a timeline entry that says so. Evidence rows are deleted, not
     * flagged.
     */
    PurgeCounts purge(List<PurgeCandidate> cases, Instant now);

    /** Where the retention stands for the tenant in scope, for cutoffs now and 30 days from now. */
    RetentionOutlook outlook(Instant cutoffNow, Instant cutoffIn30Days, Instant now);

    /**
     * Forgets the answers to idempotent requests made before {@code before} (their sealed answers hold receipt codes):
     * a retry after that is a new request. Returns how many were forgotten.
     */
    int forgetIdempotentAnswers(Instant before);
}
