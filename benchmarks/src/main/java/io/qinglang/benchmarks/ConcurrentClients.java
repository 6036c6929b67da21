package io.qinglang.benchmarks;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A fixed number of clients, each sending its next request as soon as the previous one is answered (a closed
 * loop), first for the warm-up, then for the measured phase. A phase ends when its requests are sent or its
 * time limit passes, whichever comes first.
 */
final class ConcurrentClients {

    /** This JVM's CPU time: the clients', and the platform's when it is measured (it runs here too). */
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final int clients;
    private final Duration phaseLimit;

    ConcurrentClients(int clients, Duration phaseLimit) {
        this.clients = clients;
        this.phaseLimit = phaseLimit;
    }

    Measurement measure(Request request, int warmup, int requests, LockWaitSampler lockWaits)
            throws InterruptedException {
        Phase warm = run(request, 0, warmup);
        lockWaits.start();
        long cpuBefore = PROCESS.getProcessCpuTime();
        Phase measured = run(request, warmup, requests);
        long cpuNanos = PROCESS.getProcessCpuTime() - cpuBefore;
        LockWaits waits = lockWaits.stop();
        Latencies latencies = Latencies.of(measured.latencies);
        return new Measurement(latencies.count(), new TreeMap<>(measured.failures), new TreeMap<>(warm.failures),
                measured.elapsedNanos / 1e9, measured.timedOut(), latencies, waits, cpuNanos / 1e9);
    }

    /** Sends {@code count} requests, unmeasured (a warm-up, or work another phase needs); throws if any failed. */
    void send(Request request, int count) throws InterruptedException {
        Phase phase = run(request, 0, count);
        if (!phase.failures.isEmpty() || phase.timedOut()) {
            throw new IllegalStateException(count + " requests sent closed loop: " + phase.failures
                    + (phase.timedOut() ? ", time limit reached" : ""));
        }
    }

    private Phase run(Request request, int firstIndex, int count) throws InterruptedException {
        long started = System.nanoTime();
        Phase phase = new Phase(firstIndex, count, started + phaseLimit.toNanos());
        List<Thread> threads = IntStream.range(0, clients)
                .mapToObj(c -> Thread.ofPlatform().name("bench-client-" + c).start(() -> phase.sendAll(request)))
                .toList();
        for (Thread thread : threads) {
            thread.join();
        }
        phase.elapsedNanos = System.nanoTime() - started;
        return phase;
    }

    /** One phase's requests, taken in turn by the clients; latencies are kept by request, -1 for a failure. */
    private static final class Phase {
        private final int firstIndex;
        private final int count;
        private final long deadlineNanos;
        private final long[] latencies;
        private final Map<String, Integer> failures = new ConcurrentHashMap<>();
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger sent = new AtomicInteger();
        private long elapsedNanos;

        Phase(int firstIndex, int count, long deadlineNanos) {
            this.firstIndex = firstIndex;
            this.count = count;
            this.deadlineNanos = deadlineNanos;
            this.latencies = new long[count];
            Arrays.fill(latencies, -1);
        }

        void sendAll(Request request) {
            for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadlineNanos; i = next.getAndIncrement()) {
                sent.incrementAndGet();
                long begin = System.nanoTime();
                try {
                    request.send(firstIndex + i);
                    latencies[i] = System.nanoTime() - begin;
                } catch (Exception e) {
                    failures.merge(reason(e), 1, Integer::sum);
                }
            }
        }

        boolean timedOut() {
            return sent.get() < count;
        }
    }

    /** What the result table counts a failure as: stable across requests, never a receipt code. */
    private static String reason(Exception e) {
        return switch (e) {
            case RequestFailed failed -> failed.getMessage();
            case SQLException sql -> "SQLState " + sql.getSQLState();
            default -> e.getClass().getSimpleName();
        };
    }
}
