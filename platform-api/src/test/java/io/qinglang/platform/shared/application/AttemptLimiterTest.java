package io.qinglang.platform.shared.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.qinglang.platform.shared.application.AttemptLimiter.TooManyAttempts;
import io.qinglang.platform.shared.domain.DomainException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AttemptLimiterTest {

    private static final int CAPACITY = 5;

    private final MutableClock clock = MutableClock.at("2026-04-15T02:00:00Z");
    /** Five attempts a minute: one token back every 12 seconds. */
    private final AttemptLimiter limiter = new AttemptLimiter("tracking", CAPACITY, Duration.ofMinutes(1), clock);

    private void useUp(String key) {
        for (int i = 0; i < CAPACITY; i++) {
            limiter.acquire(key);
        }
    }

    @Test
    void allowsAsManyAttemptsAsItsCapacityAtOnce() {
        assertThatCode(() -> useUp("198.51.100.7")).doesNotThrowAnyException();
    }

    @Test
    void refusesTheAttemptAfterTheCapacityWithTheWaitForTheNextToken() {
        useUp("198.51.100.7");

        TooManyAttempts refusal = catchThrowableOfType(TooManyAttempts.class, () -> limiter.acquire("198.51.100.7"));

        assertThat(refusal).isNotNull();
        assertThat(refusal.retryAfterSeconds()).isPositive().isEqualTo(12);
        assertThat(refusal.code()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(refusal.kind()).isEqualTo(DomainException.Kind.TOO_MANY_REQUESTS);
        assertThat(refusal).hasMessageContaining("tracking").hasMessageNotContaining("198.51.100.7");
    }

    @Test
    void tellsAPartlyRefilledCallerOnlyTheRemainingWait() {
        useUp("198.51.100.7");
        clock.advanceSeconds(5);

        assertThat(catchThrowableOfType(TooManyAttempts.class, () -> limiter.acquire("198.51.100.7"))
                .retryAfterSeconds()).isEqualTo(7);
    }

    @Test
    void roundsASubSecondWaitUpToOneSecond() {
        AttemptLimiter fast = new AttemptLimiter("intake", 10, Duration.ofSeconds(1), clock);
        for (int i = 0; i < 10; i++) {
            fast.acquire("tenant-a");
        }

        assertThat(catchThrowableOfType(TooManyAttempts.class, () -> fast.acquire("tenant-a")).retryAfterSeconds())
                .isEqualTo(1);
    }

    @Test
    void givesATokenBackOnlyOnceItsShareOfTheRefillTimeHasPassed() {
        useUp("198.51.100.7");

        clock.advanceSeconds(11);
        assertThatThrownBy(() -> limiter.acquire("198.51.100.7")).isInstanceOf(TooManyAttempts.class);

        clock.advanceSeconds(1);
        assertThatCode(() -> limiter.acquire("198.51.100.7")).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.acquire("198.51.100.7")).isInstanceOf(TooManyAttempts.class);
    }

    @Test
    void allowsAgainAfterTheAnnouncedWait() {
        useUp("198.51.100.7");
        long wait = catchThrowableOfType(TooManyAttempts.class, () -> limiter.acquire("198.51.100.7"))
                .retryAfterSeconds();

        clock.advanceSeconds(wait);

        assertThatCode(() -> limiter.acquire("198.51.100.7")).doesNotThrowAnyException();
    }

    @Test
    void refillsCompletelyAfterTheRefillPeriod() {
        useUp("198.51.100.7");
        clock.advance(Duration.ofMinutes(1));

        assertThatCode(() -> useUp("198.51.100.7")).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.acquire("198.51.100.7")).isInstanceOf(TooManyAttempts.class);
    }

    @Test
    void neverSavesUpMoreThanItsCapacityWhileIdle() {
        clock.advance(Duration.ofDays(1));

        useUp("198.51.100.7");

        assertThatThrownBy(() -> limiter.acquire("198.51.100.7")).isInstanceOf(TooManyAttempts.class);
    }

    @Test
    void doesNotPushTheWaitFurtherForRefusedAttempts() {
        useUp("198.51.100.7");
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> limiter.acquire("198.51.100.7")).isInstanceOf(TooManyAttempts.class);
        }

        clock.advanceSeconds(12);

        assertThatCode(() -> limiter.acquire("198.51.100.7")).doesNotThrowAnyException();
    }

    @Test
    void keepsASeparateBucketForEachKey() {
        useUp("198.51.100.7");

        assertThatCode(() -> useUp("203.0.113.9")).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.acquire("198.51.100.7")).isInstanceOf(TooManyAttempts.class);
        assertThatThrownBy(() -> limiter.acquire("203.0.113.9")).isInstanceOf(TooManyAttempts.class);
    }
}
