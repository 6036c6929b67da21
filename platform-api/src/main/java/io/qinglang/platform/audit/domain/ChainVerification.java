package io.qinglang.platform.audit.domain;

/**
 * The outcome of verifying a tenant's audit chain: intact, or the first broken event and why; and how many events
 * were waiting to be sealed into it (stored, not yet chained: the sequencer seals them within seconds).
 */
public record ChainVerification(boolean intact, long eventsVerified, Long firstBrokenSeq, String problem,
                                long eventsWaiting) {

    static ChainVerification intact(long events) {
        return new ChainVerification(true, events, null, null, 0);
    }

    static ChainVerification brokenAt(long verified, long seq, String problem) {
        return new ChainVerification(false, verified, seq, problem, 0);
    }

    /** This outcome, with the events found waiting to be sealed. */
    public ChainVerification withWaiting(long waiting) {
        return new ChainVerification(intact, eventsVerified, firstBrokenSeq, problem, waiting);
    }
}
