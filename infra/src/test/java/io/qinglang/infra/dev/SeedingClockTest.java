package io.qinglang.infra.dev;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedingClockTest {

    private static final Instant YEAR_AGO = Instant.now().minus(Duration.ofDays(365));

    @Test
    void readsTheSystemsTimeUntilASeedingBegins() {
        SeedingClock clock = new SeedingClock();
        assertThat(clock.instant()).isBetween(Instant.now().minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void aSeedingMovesItsTimeForwardOnlyAndNeverIntoTheFuture() {
        SeedingClock clock = new SeedingClock();
        clock.begin(YEAR_AGO);
        assertThat(clock.instant()).isEqualTo(YEAR_AGO);
        clock.advanceTo(YEAR_AGO.plusSeconds(3600));
        assertThat(clock.instant()).isEqualTo(YEAR_AGO.plusSeconds(3600));
        assertThat(clock.withZone(ZoneId.of("Asia/Shanghai")).instant()).isEqualTo(YEAR_AGO.plusSeconds(3600));
        assertThatThrownBy(() -> clock.advanceTo(YEAR_AGO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advanceTo(Instant.now().plusSeconds(60))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onceTheSeedingEndsTheClockTellsTheSystemsTimeForGood() {
        SeedingClock clock = new SeedingClock();
        clock.begin(YEAR_AGO);
        clock.end();
        assertThat(clock.instant()).isBetween(Instant.now().minusSeconds(1), Instant.now().plusSeconds(1));
        assertThatThrownBy(() -> clock.advanceTo(YEAR_AGO.plusSeconds(60))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> clock.begin(YEAR_AGO)).isInstanceOf(IllegalStateException.class);
        assertThat(clock.instant()).isAfter(YEAR_AGO.plus(Duration.ofDays(364)));
    }

    @Test
    void aSeedingCannotBeginInTheFuture() {
        assertThatThrownBy(() -> new SeedingClock().begin(Instant.now().plusSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
