package io.qinglang.platform.shared.application;

import io.qinglang.platform.shared.domain.DomainException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Token buckets of one kind of attempt, one bucket per key (a client address, a body): guessing receipt codes or
 * flooding intake costs an attacker time. An empty bucket answers {@link TooManyAttempts} with the wait until the
 * next token. The buckets are {@link SharedCounters}, kept where every node sees them; their keys are stored only as
 * keyed hashes, so the database holds no client address.
 */
public final class AttemptLimiter {

    private final String name;
    private final String per;
    private final int capacity;
    private final Duration refillEvery;
    private final SharedCounters counters;
    private final SecretHasher hasher;
    private final Clock clock;

    /**
     * @param name        what is limited, as a refusal names it ("receipt lookup")
     * @param per         what a bucket belongs to ("address", "body"): limiters of one name differ by it
     * @param capacity    attempts allowed at once, and refilled over {@code refillEvery}
     */
    public AttemptLimiter(String name, String per, int capacity, Duration refillEvery, SharedCounters counters,
                          SecretHasher hasher, Clock clock) {
        if (capacity < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("the " + name + " limit per " + per + " must allow at least 1 attempt "
                    + "per period, not " + capacity + " per " + refillEvery);
        }
        this.name = name;
        this.per = per;
        this.capacity = capacity;
        this.refillEvery = refillEvery;
        this.counters = counters;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Takes one token for the key, or refuses with the time to wait for the next one. */
    public void acquire(String key) {
        acquireInOrder(List.of(this), List.of(key));
    }

    /**
     * Takes one token from each limiter for its key, all or none, in one step: when a bucket has none, the first such
     * refuses and no bucket gives a token (a sender refused for their address does not use up their body's allowance,
     * nor a reporter refused because their body is flooded their own).
     */
    public static void acquireInOrder(List<AttemptLimiter> limiters, List<String> keys) {
        AttemptLimiter first = limiters.getFirst();
        List<SharedCounters.Bucket> buckets = new ArrayList<>(limiters.size());
        for (int i = 0; i < limiters.size(); i++) {
            buckets.add(limiters.get(i).bucket(keys.get(i)));
        }
        first.counters.take(first.clock.instant(), buckets)
                .ifPresent(shortfall -> limiters.get(shortfall.index()).refuse(shortfall.tokens()));
    }

    private SharedCounters.Bucket bucket(String key) {
        return new SharedCounters.Bucket(name + " per " + per, hasher.hash("rate-limit", key), capacity, refillEvery);
    }

    private void refuse(double tokens) {
        double secondsPerToken = refillEvery.toMillis() / 1000.0 / capacity;
        throw new TooManyAttempts(name, Math.max(1, (long) Math.ceil((1 - tokens) * secondsPerToken - 1e-6)));
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
