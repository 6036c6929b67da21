package io.qinglang.platform.shared.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.qinglang.platform.shared.application.AttemptLimiter.TooManyAttempts;
import io.qinglang.platform.shared.domain.DomainException;
import io.qinglang.platform.shared.domain.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the limiter asks of the shared counters and how it answers their shortfall. The buckets' arithmetic (refill,
 * capacity, one bucket per key) is the database's and is checked against PostgreSQL in infra's SharedLimitsIT.
 */
class AttemptLimiterTest {

    private final MutableClock clock = MutableClock.at("2026-04-15T02:00:00Z");
    private final Counters counters = new Counters();
    private final SecretHasher hasher = new SecretHasher() {
        @Override
        public byte[] hash(TenantId tenant, String purpose, String secret) {
            throw new AssertionError("limits are the platform's, bound to no tenant");
        }

        @Override
        public byte[] hash(String purpose, String value) {
            return ("h(" + purpose + "," + value + ")").getBytes(StandardCharsets.UTF_8);
        }
    };
    /** Five attempts a minute: one token back every 12 seconds. */
    private final AttemptLimiter limiter = new AttemptLimiter("receipt lookup", "address", 5, Duration.ofMinutes(1),
            counters, hasher, clock);

    @Test
    void asksForOneTokenOfTheKeysHashedBucketAtTheClocksTime() {
        limiter.acquire("198.51.100.7");

        assertThat(counters.asked).hasSize(1);
        SharedCounters.Bucket bucket = counters.asked.getFirst().getFirst();
        assertThat(bucket.limiter()).isEqualTo("receipt lookup per address");
        assertThat(new String(bucket.key(), StandardCharsets.UTF_8)).isEqualTo("h(rate-limit,198.51.100.7)");
        assertThat(bucket.capacity()).isEqualTo(5);
        assertThat(bucket.refillEvery()).isEqualTo(Duration.ofMinutes(1));
        assertThat(counters.when).isEqualTo(clock.instant());
    }

    @Test
    void refusesAnEmptyBucketWithTheWaitForTheNextToken() {
        counters.answer = Optional.of(new SharedCounters.Shortfall(0, 0.0));

        TooManyAttempts refusal = catchThrowableOfType(TooManyAttempts.class, () -> limiter.acquire("198.51.100.7"));

        assertThat(refusal.retryAfterSeconds()).isEqualTo(12);
        assertThat(refusal.code()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(refusal.kind()).isEqualTo(DomainException.Kind.TOO_MANY_REQUESTS);
        assertThat(refusal).hasMessageContaining("receipt lookup").hasMessageNotContaining("198.51.100.7");
    }

    @Test
    void tellsAPartlyRefilledCallerOnlyTheRemainingWaitEvenWithRoundingNoise() {
        counters.answer = Optional.of(new SharedCounters.Shortfall(0, 5 / 12.0)); // 5 s of 12 refilled, as a double

        assertThat(catchThrowableOfType(TooManyAttempts.class, () -> limiter.acquire("198.51.100.7"))
                .retryAfterSeconds()).isEqualTo(7);
    }

    @Test
    void roundsASubSecondWaitUpToOneSecond() {
        AttemptLimiter fast = new AttemptLimiter("report submission", "body", 10, Duration.ofSeconds(1), counters,
                hasher, clock);
        counters.answer = Optional.of(new SharedCounters.Shortfall(0, 0.99));

        assertThat(catchThrowableOfType(TooManyAttempts.class, () -> fast.acquire("tenant-a")).retryAfterSeconds())
                .isEqualTo(1);
    }

    @Test
    void aBucketRefusedWithATokenAllButRoundingNoiseWaitsOneSecondNotNone() {
        AttemptLimiter seven = new AttemptLimiter("receipt lookup", "address", 7, Duration.ofMinutes(1), counters,
                hasher, clock);
        counters.answer = Optional.of(new SharedCounters.Shortfall(0, 0.9999999999999999)); // a refill of 1 token, in doubles

        assertThat(catchThrowableOfType(TooManyAttempts.class, () -> seven.acquire("198.51.100.7")).retryAfterSeconds())
                .isEqualTo(1);
    }

    @Test
    void aLimitThatAllowsNothingIsRefusedWhenMade() {
        assertThatThrownBy(() -> new AttemptLimiter("report submission", "body", 0, Duration.ofMinutes(1), counters,
                hasher, clock)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void takesSeveralLimitsInOneStepAndNamesTheOneThatRefused() {
        AttemptLimiter perBody = new AttemptLimiter("report submission", "body", 300, Duration.ofMinutes(1), counters,
                hasher, clock);
        AttemptLimiter perAddress = new AttemptLimiter("report submission", "address", 30, Duration.ofHours(1), counters,
                hasher, clock);
        counters.answer = Optional.of(new SharedCounters.Shortfall(1, 0.0));

        TooManyAttempts refusal = catchThrowableOfType(TooManyAttempts.class,
                () -> AttemptLimiter.acquireInOrder(List.of(perAddress, perBody), List.of("198.51.100.7", "demo")));

        assertThat(counters.asked).hasSize(1);
        assertThat(counters.asked.getFirst()).extracting(SharedCounters.Bucket::limiter)
                .containsExactly("report submission per address", "report submission per body");
        assertThat(refusal.retryAfterSeconds()).as("the body's bucket: 300 a minute").isEqualTo(1);
        counters.answer = Optional.empty();
        assertThatCode(() -> AttemptLimiter.acquireInOrder(List.of(perAddress, perBody), List.of("a", "b")))
                .doesNotThrowAnyException();
    }

    /** Records what it is asked and answers as told. */
    private static final class Counters implements SharedCounters {
        final List<List<Bucket>> asked = new ArrayList<>();
        Optional<Shortfall> answer = Optional.empty();
        Instant when;

        @Override
        public Optional<Shortfall> take(Instant now, List<Bucket> buckets) {
            asked.add(List.copyOf(buckets));
            when = now;
            return answer;
        }

        @Override
        public AttemptWindow attempts(String gate, String subject, Instant now, boolean count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void flag(String gate, String subject, Instant until) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int forgetIdle(Instant now) {
            throw new UnsupportedOperationException();
        }
    }
}
