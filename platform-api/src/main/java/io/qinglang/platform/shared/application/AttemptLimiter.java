package io.qinglang.platform.shared.application;

import io.qinglang.platform.shared.domain.DomainException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets keyed by a name (a client address, a tenant). Guessing receipt codes or flooding intake
 * costs an attacker time: an empty bucket answers {@link TooManyAttempts} with the wait until the next token.
 * Buckets live in this node's memory; idle buckets are dropped when the map grows large.
 */
public final class AttemptLimiter {

    private static final int MAX_BUCKETS = 100_000;

    private final String name;
    private final int capacity;
    private final Duration refillEvery;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public AttemptLimiter(String name, int capacity, Duration refillEvery, Clock clock) {
        this.name = name;
        this.capacity = capacity;
        this.refillEvery = refillEvery;
        this.clock = clock;
    }

    /** Takes one token for the key, or refuses with the time to wait for the next one. */
    public void acquire(String key) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        Instant now = clock.instant();
        Bucket bucket = buckets.compute(key, (k, b) -> (b == null ? new Bucket(capacity, now) : b.refill(now, this)).take());
        if (!bucket.granted()) {
            double secondsPerToken = refillEvery.toMillis() / 1000.0 / capacity;
            throw new TooManyAttempts(name, (long) Math.ceil((1 - bucket.tokens()) * secondsPerToken));
        }
    }

    private record Bucket(double tokens, Instant refilledAt, boolean granted) {
        Bucket(double tokens, Instant at) {
            this(tokens, at, false);
        }

        Bucket refill(Instant now, AttemptLimiter limiter) {
            double perMilli = (double) limiter.capacity / limiter.refillEvery.toMillis();
            double restored = Math.max(0, Duration.between(refilledAt, now).toMillis()) * perMilli;
            return new Bucket(Math.min(limiter.capacity, tokens + restored), now);
        }

        Bucket take() {
            return tokens >= 1 ? new Bucket(tokens - 1, refilledAt, true) : new Bucket(tokens, refilledAt, false);
        }
    }

    /** The caller has used up its attempts for now. */
    public static final class TooManyAttempts extends DomainException {
        private final long retryAfterSeconds;

        TooManyAttempts(String limiter, long retryAfterSeconds) {
            super("TOO_MANY_REQUESTS", Kind.TOO_MANY_REQUESTS,
                    "Too many " + limiter + " requests; try again in " + retryAfterSeconds + " s.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
