package io.qinglang.infra.dev;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * A moment by which something must have happened. Waiting polls against a deadline instead of
 * sleeping a fixed time, so a fast machine does not wait for nothing and a slow one fails with a
 * clear message rather than a flaky assertion.
 *
 * @param end the moment after which waiting stops
 */
public record Deadline(Instant end) {

    /** A deadline {@code timeout} from now. */
    public static Deadline in(Duration timeout) {
        return new Deadline(Instant.now().plus(timeout));
    }

    /** Whether the deadline has passed. */
    public boolean passed() {
        return Instant.now().isAfter(end);
    }

    /**
     * Polls {@code condition} every {@code interval} until it holds or the deadline passes.
     *
     * @return whether the condition held before the deadline
     */
    public boolean await(BooleanSupplier condition, Duration interval) throws InterruptedException {
        while (!passed()) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(interval);
        }
        return condition.getAsBoolean();
    }
}
