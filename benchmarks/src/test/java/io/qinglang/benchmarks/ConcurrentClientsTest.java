package io.qinglang.benchmarks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentClientsTest {

    private final Map<Integer, Boolean> seen = new ConcurrentHashMap<>();
    /** A request of about a millisecond (a window's length is then its time, not its most requests). */
    private final Request counted = index -> {
        seen.put(index, true);
        Thread.sleep(1);
    };

    @Test
    void withoutSettlingTheWarmUpIsItsCount() throws Exception {
        ConcurrentClients.Warmup warm = new ConcurrentClients(4, Duration.ofMinutes(1), Duration.ZERO).warmUp(counted, 50);
        assertThat(warm.sent()).isEqualTo(50);
        assertThat(seen.keySet()).hasSize(50).allMatch(i -> i >= 0 && i < 50);
    }

    @Test
    void settlingGoesOnInWindowsUntilTheCompilerIsQuietOrTheLimitPasses() throws Exception {
        ConcurrentClients.Warmup warm = new ConcurrentClients(4, Duration.ofMinutes(1), Duration.ofSeconds(7))
                .warmUp(counted, 50);
        assertThat(warm.sent()).as("at least one window after the count").isGreaterThan(50);
        assertThat(seen).hasSize(warm.sent()).as("each index once, in one run").containsKeys(0, warm.sent() - 1);
        // a window starts only before the limit and lasts 2 s (a little more for the clients to finish)
        assertThat(warm.seconds()).isGreaterThanOrEqualTo(ConcurrentClients.WINDOW.toSeconds() * 0.99).isLessThan(10.5);
        assertThat(warm.failures()).isEmpty();
    }

    @Test
    void noWarmUpWhenTheCountIsNone() throws Exception {
        ConcurrentClients.Warmup warm = new ConcurrentClients(4, Duration.ofMinutes(1), Duration.ofSeconds(7))
                .warmUp(counted, 0);
        assertThat(warm.sent()).isZero();
        assertThat(seen).isEmpty();
    }
}
