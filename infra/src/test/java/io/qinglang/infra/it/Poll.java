package io.qinglang.infra.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Waits for something the server does in the background: asks again every 50 ms until it holds or time is up. */
final class Poll {

    private static final Duration PAUSE = Duration.ofMillis(50);

    private Poll() {
    }

    /** The first answer of {@code probe} that {@code done} accepts; fails naming {@code what} after {@code within}. */
    static <T> T until(String what, Duration within, Supplier<T> probe, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            T answer = probe.get();
            if (done.test(answer)) {
                return answer;
            }
            assertThat(Instant.now()).as(what + " within " + within.toSeconds() + " s; last: " + answer).isBefore(deadline);
            Thread.sleep(PAUSE);
        }
    }
}
