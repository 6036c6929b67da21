package io.qinglang.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Requests sent at a fixed arrival rate, whatever the answers do (open loop, as wrk2 and Gatling's constant-rate
 * injection send): request {@code i} is due at {@code start + i / rate}, goes out on a thread of its own at that
 * moment, and its latency counts from when it was due, not from when it went out — so a server that stalls is
 * charged for every request that waited behind the stall (no coordinated omission). Requests still out when
 * {@code maxOutstanding} are out are not sent and count as failed: the rate is not held.
 */
final class OpenLoop {

    /** What one step at one rate did. Latencies in milliseconds, over the requests that succeeded. */
    record Step(double rate, int due, int succeeded, int failed, double achievedRate, double p50, double p99, double max,
                String firstFailure) {

        /** Held: every request succeeded and the 99th percentile stayed within the limit. */
        boolean held(double p99LimitMillis) {
            return failed == 0 && succeeded > 0 && p99 <= p99LimitMillis;
        }

        String summary() {
            return String.format(Locale.ROOT, "%.0f/s: %d due, %d failed, achieved %.1f/s, p50 %.1f ms, p99 %.1f ms, "
                    + "max %.1f ms%s", rate, due, failed, achievedRate, p50, p99, max,
                    firstFailure == null ? "" : " (first failure: " + firstFailure + ")");
        }
    }

    private OpenLoop() {
    }

    /** Sends {@code request} at {@code rate} per second for {@code length}; waits for the last answer. */
    static Step run(Request request, double rate, Duration length, int maxOutstanding) throws InterruptedException {
        int due = (int) Math.max(1, Math.round(rate * length.toNanos() / 1e9));
        long period = Math.round(1e9 / rate);
        long[] latencies = new long[due];
        Arrays.fill(latencies, -1);
        AtomicInteger outstanding = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        String[] firstFailure = {null};
        long start = System.nanoTime() + 10_000_000; // 10 ms to set off
        long last;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < due; i++) {
                long intended = start + i * period;
                for (long wait; (wait = intended - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                }
                if (outstanding.incrementAndGet() > maxOutstanding) {
                    outstanding.decrementAndGet();
                    fail(failed, firstFailure, "more than " + maxOutstanding + " requests out at once");
                    continue;
                }
                int index = i;
                threads.execute(() -> {
                    try {
                        request.send(index);
                        latencies[index] = System.nanoTime() - intended;
                    } catch (Exception e) {
                        if (e instanceof InterruptedException) {
                            Thread.currentThread().interrupt();
                        }
                        fail(failed, firstFailure, e.getClass().getSimpleName() + ": " + e.getMessage());
                    } finally {
                        outstanding.decrementAndGet();
                    }
                });
            }
            threads.shutdown();
            if (!threads.awaitTermination(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("requests still unanswered two minutes after the step ended");
            }
            last = System.nanoTime();
        }
        Latencies answered = Latencies.of(latencies);
        double seconds = (last - start) / 1e9;
        return new Step(rate, due, answered.count(), failed.get(), answered.count() / seconds,
                answered.percentileMillis(0.5), answered.percentileMillis(0.99), answered.percentileMillis(1.0),
                firstFailure[0]);
    }

    private static void fail(AtomicInteger failed, String[] firstFailure, String why) {
        if (failed.getAndIncrement() == 0) {
            synchronized (firstFailure) {
                firstFailure[0] = why;
            }
        }
    }
}
