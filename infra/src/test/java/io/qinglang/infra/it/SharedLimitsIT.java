package io.qinglang.infra.it;

import io.qinglang.platform.shared.application.AttemptLimiter;
import io.qinglang.platform.shared.application.AttemptLimiter.TooManyAttempts;
import io.qinglang.platform.shared.application.SecretHasher;
import io.qinglang.platform.shared.application.SharedCounters;
import io.qinglang.platform.shared.application.SharedCounters.AttemptWindow;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The platform's shared counters (V031) in the real PostgreSQL, through the production beans: token buckets refill,
 * cap and refuse as a limit should; concurrent takers never get more than the capacity; attempts are counted per
 * minute with an hour's history; flags only lengthen; the database holds no client address.
 */
class SharedLimitsIT {

    private static final String ADDRESS = "198.51.100.7";
    private static SharedCounters counters;
    private static SecretHasher hasher;

    private final StillClock clock = new StillClock(Instant.parse("2026-04-15T02:00:00Z"));
    /** A limiter of its own for each test (a fresh name), five attempts a minute: one token back every 12 s. */
    private final AttemptLimiter limiter = limiter(5, Duration.ofMinutes(1));

    @BeforeAll
    static void platform() {
        TestPlatform.get();
        counters = CDI.current().select(SharedCounters.class).get();
        hasher = CDI.current().select(SecretHasher.class).get();
    }

    private AttemptLimiter limiter(int capacity, Duration refill) {
        return new AttemptLimiter("test " + UUID.randomUUID(), "address", capacity, refill, counters, hasher, clock);
    }

    private void useUp(AttemptLimiter l, String key, int capacity) {
        for (int i = 0; i < capacity; i++) {
            l.acquire(key);
        }
    }

    @Test
    void allowsItsCapacityAtOnceThenRefusesWithTheWaitForTheNextToken() {
        assertThatCode(() -> useUp(limiter, ADDRESS, 5)).doesNotThrowAnyException();

        TooManyAttempts refusal = catchThrowableOfType(TooManyAttempts.class, () -> limiter.acquire(ADDRESS));

        assertThat(refusal.retryAfterSeconds()).isEqualTo(12);
    }

    @Test
    void tellsAPartlyRefilledCallerOnlyTheRemainingWaitAndGivesTheTokenBackOnTime() {
        useUp(limiter, ADDRESS, 5);
        clock.advance(Duration.ofSeconds(5));
        assertThat(catchThrowableOfType(TooManyAttempts.class, () -> limiter.acquire(ADDRESS)).retryAfterSeconds())
                .isEqualTo(7);

        clock.advance(Duration.ofSeconds(6));
        assertThatThrownBy(() -> limiter.acquire(ADDRESS)).as("11 s: not yet").isInstanceOf(TooManyAttempts.class);
        clock.advance(Duration.ofSeconds(1));
        assertThatCode(() -> limiter.acquire(ADDRESS)).as("12 s: one token").doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.acquire(ADDRESS)).as("and only one").isInstanceOf(TooManyAttempts.class);
    }

    @Test
    void refillsCompletelyAfterThePeriodButNeverSavesUpMoreThanTheCapacity() {
        useUp(limiter, ADDRESS, 5);
        clock.advance(Duration.ofDays(1));

        assertThatCode(() -> useUp(limiter, ADDRESS, 5)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limiter.acquire(ADDRESS)).isInstanceOf(TooManyAttempts.class);
    }

    @Test
    void refusedAttemptsDoNotPushTheWaitFurther() {
        useUp(limiter, ADDRESS, 5);
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> limiter.acquire(ADDRESS)).isInstanceOf(TooManyAttempts.class);
        }
        clock.advance(Duration.ofSeconds(12));

        assertThatCode(() -> limiter.acquire(ADDRESS)).doesNotThrowAnyException();
    }

    @Test
    void keepsABucketPerKeyAndAnAddressRefusedFirstLeavesTheBodysAllowanceAlone() {
        useUp(limiter, ADDRESS, 5);
        assertThatCode(() -> useUp(limiter, "203.0.113.9", 5)).doesNotThrowAnyException();

        AttemptLimiter perBody = limiter(3, Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> AttemptLimiter.acquireInOrder(List.of(limiter, perBody), List.of(ADDRESS, "demo")))
                    .isInstanceOf(TooManyAttempts.class);
        }
        assertThatCode(() -> useUp(perBody, "demo", 3)).as("the body's three are all still there")
                .doesNotThrowAnyException();
    }

    @Test
    void concurrentTakersNeverGetMoreThanTheCapacity() throws Exception {
        AttemptLimiter fifty = limiter(50, Duration.ofHours(1));
        ExecutorService takers = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tries.add(takers.submit(() -> {
                try {
                    fifty.acquire(ADDRESS);
                    return true;
                } catch (TooManyAttempts refused) {
                    return false;
                }
            }));
        }
        int granted = 0;
        for (Future<Boolean> t : tries) {
            granted += t.get() ? 1 : 0;
        }
        takers.shutdown();

        assertThat(granted).isEqualTo(50);
    }

    @Test
    void aBodyRefusingLeavesTheAddressItsTokensToo() {
        AttemptLimiter perBody = limiter(2, Duration.ofHours(1));
        AttemptLimiter perAddress = limiter(3, Duration.ofHours(1));
        useUp(perBody, "flooded", 2);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> AttemptLimiter.acquireInOrder(List.of(perAddress, perBody),
                    List.of(ADDRESS, "flooded"))).as("the body's allowance is used up").isInstanceOf(TooManyAttempts.class);
        }
        assertThatCode(() -> useUp(perAddress, ADDRESS, 3)).as("the reporter's own three are all still there")
                .doesNotThrowAnyException();
    }

    @Test
    void theDatabaseHoldsNoClientAddress() throws Exception {
        limiter.acquire("203.0.113.250");
        try (Connection owner = TestPlatform.get().ownerConnection(); Statement s = owner.createStatement();
             ResultSet rows = s.executeQuery("select count(*), count(*) filter (where position(convert_to('203.0.113.250', "
                     + "'UTF8') in bucket_key) > 0 or limiter like '%203.0.113%') from rate_buckets")) {
            rows.next();
            assertThat(rows.getLong(1)).isPositive();
            assertThat(rows.getLong(2)).isZero();
        }
    }

    @Test
    void countsAttemptsPerMinuteWithTheHourBeforeAndTheMinuteBefore() {
        String gate = "test-gate-" + UUID.randomUUID();
        Instant t = Instant.parse("2026-04-15T02:00:10Z");
        for (int minute = 0; minute < 70; minute++) {
            for (int i = 0; i < 2; i++) {
                counters.attempts(gate, "demo", t.plus(Duration.ofMinutes(minute)), true);
            }
        }
        Instant now = t.plus(Duration.ofMinutes(70));
        AttemptWindow counted = counters.attempts(gate, "demo", now, true);
        AttemptWindow looked = counters.attempts(gate, "demo", now, false);

        assertThat(counted).isEqualTo(new AttemptWindow(1, 2, 120, null));
        assertThat(looked).as("looking counts nothing").isEqualTo(counted);
        assertThat(counters.attempts(gate, "other", now, false)).as("per subject")
                .isEqualTo(new AttemptWindow(0, 0, 0, null));
    }

    @Test
    void aFlagOnlyLengthensAndIdleRowsAreForgotten() {
        String gate = "test-gate-" + UUID.randomUUID();
        Instant now = Instant.now();
        counters.flag(gate, "demo", now.plus(Duration.ofMinutes(10)));
        counters.flag(gate, "demo", now.plus(Duration.ofMinutes(1)));
        assertThat(counters.attempts(gate, "demo", now, false).flaggedUntil())
                .isCloseTo(now.plus(Duration.ofMinutes(10)), org.assertj.core.api.Assertions.within(1,
                        java.time.temporal.ChronoUnit.MILLIS));

        counters.attempts(gate, "demo", now.minus(Duration.ofHours(3)), true);
        assertThat(counters.forgetIdle(now.plus(Duration.ofMinutes(11)))).isPositive();
        assertThat(counters.attempts(gate, "demo", now.minus(Duration.ofHours(3)), false))
                .isEqualTo(new AttemptWindow(0, 0, 0, null));
    }

    /** A clock that stands still until the test moves it. */
    private static final class StillClock extends Clock {
        private Instant now;

        StillClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
