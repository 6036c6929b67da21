package io.qinglang.platform.shared.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Counts that every node of the platform shares (kept in the database), so that N nodes enforce a limit once, not N
 * times: token buckets ({@link AttemptLimiter}) and attempts per minute at a proof-of-work gate.
 */
public interface SharedCounters {

    /**
     * One token from each bucket, all or none: when a bucket has no whole token, none is taken from any.
     *
     * @return the first bucket without a token, or empty when every bucket gave one
     */
    Optional<Shortfall> take(Instant now, List<Bucket> buckets);

    /**
     * A subject's attempts at a gate in the minutes up to {@code now}, after counting one more when {@code count}.
     */
    AttemptWindow attempts(String gate, String subject, Instant now, boolean count);

    /** Marks the subject as flagged at the gate until {@code until} (never shortening a flag already set). */
    void flag(String gate, String subject, Instant until);

    /** Drops buckets that are full again and minutes too old to matter; returns how many rows went. */
    int forgetIdle(Instant now);

    /**
     * A bucket: {@code capacity} tokens, refilled evenly over {@code refillEvery}; {@code key} is already a keyed hash,
     * never a client address as such.
     */
    record Bucket(String limiter, byte[] key, int capacity, Duration refillEvery) {
    }

    /** The bucket at {@code index} (in the order given) had only {@code tokens} (less than one). */
    record Shortfall(int index, double tokens) {
    }

    /**
     * Attempts in the current minute, in the minute before, and in the 60 minutes before those two; and until when the
     * subject was flagged (null if never).
     */
    record AttemptWindow(long thisMinute, long lastMinute, long hourBefore, Instant flaggedUntil) {
    }
}
