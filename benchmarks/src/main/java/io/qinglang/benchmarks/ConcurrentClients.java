package io.qinglang.benchmarks;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A fixed number of clients, each sending its next request as soon as the previous one is answered (a closed
 * loop), first for the warm-up, then for the measured phase. A phase ends when its requests are sent or its
 * time limit passes, whichever comes first. The warm-up goes on past its count, in windows of a few seconds, while
 * this JVM's JIT compiler is still busy (it compiles the platform too, which runs here): on two cores the compiler
 * threads take CPU from the side measured, and a server's first minute says little about the hours after it.
 */
final class ConcurrentClients {

    /** This JVM's CPU time: the clients', and the platform's when it is measured (it runs here too). */
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** The JIT compiler of this JVM, whose accumulated compiling time tells whether it has settled. */
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    /** How long each further warm-up window sends. */
    static final Duration WINDOW = Duration.ofSeconds(2);
    /** The JIT has settled when it spent less than this share of a window compiling. */
    static final double SETTLED = 0.02;

    private final int clients;
    private final Duration phaseLimit;
    private final Duration settleLimit;

    /** {@code settleLimit}: how long the warm-up may go on past its count while the JIT is busy (zero: not at all). */
    ConcurrentClients(int clients, Duration phaseLimit, Duration settleLimit) {
        this.clients = clients;
        this.phaseLimit = phaseLimit;
        this.settleLimit = settleLimit;
    }

    Measurement measure(Request request, int warmup, int requests, LockWaitSampler lockWaits)
            throws InterruptedException {
        Warmup warm = warmUp(request, warmup);
        lockWaits.start();
        long cpuBefore = PROCESS.getProcessCpuTime();
        Phase measured = run(request, warm.sent(), requests, phaseLimit);
        long cpuNanos = PROCESS.getProcessCpuTime() - cpuBefore;
        LockWaits waits = lockWaits.stop();
        Latencies latencies = Latencies.of(measured.latencies);
        return new Measurement(latencies.count(), new TreeMap<>(measured.failures), new TreeMap<>(warm.failures()),
                measured.elapsedNanos / 1e9, measured.timedOut(), latencies, waits, cpuNanos / 1e9, warm.sent(),
                warm.seconds());
    }

    /** What a warm-up sent, in how long, and what failed in it. */
    record Warmup(int sent, double seconds, Map<String, Integer> failures) {
    }

    /**
     * {@code count} requests, then windows of {@link #WINDOW} until one in which the JIT compiled for less than
     * {@link #SETTLED} of the time, or until the settle limit has passed; none at all when {@code count} is 0 (a
     * scenario's later rounds).
     */
    Warmup warmUp(Request request, int count) throws InterruptedException {
        if (count == 0) {
            return new Warmup(0, 0, Map.of());
        }
        long started = System.nanoTime();
        Map<String, Integer> failures = new HashMap<>();
        Phase first = run(request, 0, count, phaseLimit);
        first.failures.forEach((reason, n) -> failures.merge(reason, n, Integer::sum));
        int sent = first.sent.get();
        long settleBy = System.nanoTime() + settleLimit.toNanos();
        while (System.nanoTime() < settleBy) {
            long compilingBefore = JIT.getTotalCompilationTime();
            Phase window = run(request, sent, WINDOW_MOST, WINDOW);
            window.failures.forEach((reason, n) -> failures.merge(reason, n, Integer::sum));
            sent += window.sent.get();
            double compiling = (JIT.getTotalCompilationTime() - compilingBefore) / (window.elapsedNanos / 1e6);
            if (compiling < SETTLED) {
                break;
            }
        }
        return new Warmup(sent, (System.nanoTime() - started) / 1e9, failures);
    }

    /** More requests than a window can send in its time (a lookup without work answers a few thousand a second). */
    private static final int WINDOW_MOST = 200_000;

    /** Sends {@code count} requests, unmeasured (a warm-up, or work another phase needs); throws if any failed. */
    void send(Request request, int count) throws InterruptedException {
        Phase phase = run(request, 0, count, phaseLimit);
        if (!phase.failures.isEmpty() || phase.timedOut()) {
            throw new IllegalStateException(count + " requests sent closed loop: " + phase.failures
                    + (phase.timedOut() ? ", time limit reached" : ""));
        }
    }

    private Phase run(Request request, int firstIndex, int count, Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        Phase phase = new Phase(firstIndex, count, started + limit.toNanos());
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
