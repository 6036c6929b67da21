package io.qinglang.admin.health.application;

import java.time.Duration;

/** What one check found: whether it answered, how long it took, and what answered or what went wrong. */
public record CheckOutcome(String name, boolean ok, Duration took, String detail) {

    public long millis() {
        return took.toMillis();
    }
}
