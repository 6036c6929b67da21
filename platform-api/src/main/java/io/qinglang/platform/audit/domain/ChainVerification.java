package io.qinglang.platform.audit.domain;

/** The outcome of verifying a tenant's audit chain: intact, or the first broken event and why. */
public record ChainVerification(boolean intact, long eventsVerified, Long firstBrokenSeq, String problem) {

    static ChainVerification intact(long events) {
        return new ChainVerification(true, events, null, null);
    }

    static ChainVerification brokenAt(long verified, long seq, String problem) {
        return new ChainVerification(false, verified, seq, problem);
    }
}
