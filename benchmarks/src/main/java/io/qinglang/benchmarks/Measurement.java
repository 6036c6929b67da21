package io.qinglang.benchmarks;

import java.util.Map;

/**
 * One side of one scenario, measured.
 *
 * @param requests       measured requests that succeeded
 * @param failures       measured requests that failed, counted by reason ({@code HTTP 500 …}, an SQL state)
 * @param warmupFailures the same for the warm-up, which is not measured but must not fail either
 * @param seconds        wall-clock time of the measured phase
 * @param timedOut       the phase hit its time limit before sending every request
 * @param latencies      latencies of the successful measured requests
 * @param lockWaits      sessions waiting for locks during the measured phase
 */
record Measurement(int requests, Map<String, Integer> failures, Map<String, Integer> warmupFailures, double seconds,
                   boolean timedOut, Latencies latencies, LockWaits lockWaits) {

    double throughput() {
        return seconds > 0 ? requests / seconds : 0;
    }

    double medianMillis() {
        return latencies.percentileMillis(0.50);
    }

    double p99Millis() {
        return latencies.percentileMillis(0.99);
    }

    int failed() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    int warmupFailed() {
        return warmupFailures.values().stream().mapToInt(Integer::intValue).sum();
    }
}
