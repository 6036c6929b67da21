package io.qinglang.platform.shared.application;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AttemptLimiterTest {

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MutableClock clock = new MutableClock();
    private final AttemptLimiter limiter = new AttemptLimiter("lookup", 3, Duration.ofMinutes(1), clock);

    @Test
    void allowsTheCapacityThenRefusesWithTheWaitForTheNextToken() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("198.51.100.1");
        }
        AttemptLimiter.TooManyAttempts refused = catchThrowableOfType(AttemptLimiter.TooManyAttempts.class,
                () -> limiter.acquire("198.51.100.1"));
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 20L);
        assertThat(refused.code()).isEqualTo("TOO_MANY_REQUESTS");
    }

    @Test
    void tokensComeBackAsTimePasses() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        clock.now = clock.now.plusSeconds(21);
        assertThatCode(() -> limiter.acquire("a")).doesNotThrowAnyException();
        assertThat(catchThrowableOfType(AttemptLimiter.TooManyAttempts.class, () -> limiter.acquire("a"))).isNotNull();
    }

    @Test
    void keysDoNotShareBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("a");
        }
        assertThatCode(() -> limiter.acquire("b")).doesNotThrowAnyException();
    }
}
