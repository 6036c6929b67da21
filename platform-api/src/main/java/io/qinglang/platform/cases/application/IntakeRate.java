package io.qinglang.platform.cases.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a tenant's submissions arrive at an unusual rate, judged on this node: the last minute's count (a
 * sliding estimate from whole-minute buckets) against the tenant's average per minute over the hour before. A
 * rate at least {@code floor} and at least {@code factor} times the usual one is anomalous, and the tenant stays
 * flagged for {@code hold} afterwards, so a sender cannot just pause for a minute.
 */
final class IntakeRate {

    private static final int HISTORY_MINUTES = 60;
    private static final int BUCKETS = HISTORY_MINUTES + 2;

    private final int floor;
    private final double factor;
    private final Duration hold;
    private final Map<String, Window> tenants = new ConcurrentHashMap<>();

    IntakeRate(int floor, double factor, Duration hold) {
        this.floor = floor;
        this.factor = factor;
        this.hold = hold;
    }

    /** Counts one submission attempt and says whether the tenant's intake is now anomalous. */
    boolean recordAndJudge(String tenant, Instant now) {
        return tenants.computeIfAbsent(tenant, t -> new Window()).record(now);
    }

    /** Whether the tenant's intake is anomalous (or was within the hold time), without counting anything. */
    boolean anomalous(String tenant, Instant now) {
        Window w = tenants.get(tenant);
        return w != null && w.judge(now);
    }

    private final class Window {
        private final long[] minutes = new long[BUCKETS];
        private final long[] counts = new long[BUCKETS];
        private Instant flaggedUntil = Instant.MIN;

        synchronized boolean record(Instant now) {
            long minute = now.getEpochSecond() / 60;
            int i = (int) (minute % BUCKETS);
            if (minutes[i] != minute) {
                minutes[i] = minute;
                counts[i] = 0;
            }
            counts[i]++;
            return judge(now);
        }

        synchronized boolean judge(Instant now) {
            long minute = now.getEpochSecond() / 60;
            double intoMinute = (now.getEpochSecond() % 60) / 60.0;
            double recent = count(minute) + count(minute - 1) * (1 - intoMinute);
            long before = 0;
            for (long m = minute - HISTORY_MINUTES - 1; m < minute - 1; m++) {
                before += count(m);
            }
            double usual = before / (double) HISTORY_MINUTES;
            if (recent >= floor && recent >= factor * usual) {
                flaggedUntil = now.plus(hold);
            }
            return now.isBefore(flaggedUntil);
        }

        private long count(long minute) {
            int i = (int) Math.floorMod(minute, (long) BUCKETS);
            return minutes[i] == minute ? counts[i] : 0;
        }
    }
}
