package io.qinglang.platform.cases.application;

import io.qinglang.platform.shared.application.SharedCounters;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a tenant's public attempts arrive at an unusual rate, judged on the counts every node shares
 * ({@link SharedCounters#attempts}): the last minute's count (a sliding estimate from whole-minute counts) against
 * the tenant's average per minute over the hour before. A rate at least {@code floor} and at least {@code factor}
 * times the usual one is anomalous, and the tenant stays flagged for {@code hold} afterwards (on every node), so a
 * sender cannot just pause for a minute.
 */
final class IntakeRate {

    private static final int HISTORY_MINUTES = 60;

    private final int floor;
    private final double factor;
    private final Duration hold;

    IntakeRate(int floor, double factor, Duration hold) {
        this.floor = floor;
        this.factor = factor;
        this.hold = hold;
    }

    /** Whether the counts, as they stand at {@code now}, show an anomalous rate right now (ignoring any flag). */
    boolean anomalousRate(SharedCounters.AttemptWindow window, Instant now) {
        double intoMinute = (now.getEpochSecond() % 60) / 60.0;
        double recent = window.thisMinute() + window.lastMinute() * (1 - intoMinute);
        double usual = window.hourBefore() / (double) HISTORY_MINUTES;
        return recent >= floor && recent >= factor * usual;
    }

    /** Whether the subject is still flagged at {@code now}. */
    static boolean flagged(SharedCounters.AttemptWindow window, Instant now) {
        return window.flaggedUntil() != null && now.isBefore(window.flaggedUntil());
    }

    /** Until when a subject judged anomalous at {@code now} stays flagged. */
    Instant flagUntil(Instant now) {
        return now.plus(hold);
    }
}
