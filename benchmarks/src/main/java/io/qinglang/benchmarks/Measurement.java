package io.qinglang.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * @param cpuSeconds     CPU time this JVM used during the measured phase (the clients, and the platform's server,
 *                       which runs here; not PostgreSQL's): unlike throughput, barely moved by other processes
 *                       on the machine
 * @param warmupRequests requests sent to warm up before the measured phase (its count, and more while the JIT was busy)
 * @param warmupSeconds  how long the warm-up took
 */
record Measurement(int requests, Map<String, Integer> failures, Map<String, Integer> warmupFailures, double seconds,
                   boolean timedOut, Latencies latencies, LockWaits lockWaits, double cpuSeconds, int warmupRequests,
                   double warmupSeconds) {

    /** Phases of one side measured in turn with the other side's as one: counts and times added, latencies pooled. */
    static Measurement merged(List<Measurement> phases) {
        Map<String, Integer> failures = new TreeMap<>();
        Map<String, Integer> warmupFailures = new TreeMap<>();
        phases.forEach(p -> {
            p.failures().forEach((reason, count) -> failures.merge(reason, count, Integer::sum));
            p.warmupFailures().forEach((reason, count) -> warmupFailures.merge(reason, count, Integer::sum));
        });
        int samples = phases.stream().mapToInt(p -> p.lockWaits().samples()).sum();
        LockWaits waits = samples == 0 ? LockWaits.NOT_OBSERVED : new LockWaits(samples,
                phases.stream().mapToDouble(p -> p.lockWaits().mean() * p.lockWaits().samples()).sum() / samples,
                phases.stream().mapToInt(p -> p.lockWaits().max()).max().orElse(0));
        return new Measurement(phases.stream().mapToInt(Measurement::requests).sum(), failures, warmupFailures,
                phases.stream().mapToDouble(Measurement::seconds).sum(), phases.stream().anyMatch(Measurement::timedOut),
                Latencies.merged(phases.stream().map(Measurement::latencies).toList()), waits,
                phases.stream().mapToDouble(Measurement::cpuSeconds).sum(),
                phases.stream().mapToInt(Measurement::warmupRequests).sum(),
                phases.stream().mapToDouble(Measurement::warmupSeconds).sum());
    }

    double throughput() {
        return seconds > 0 ? requests / seconds : 0;
    }

    /** This JVM's CPU time per successful measured request. */
    double cpuMillisPerRequest() {
        return requests > 0 ? cpuSeconds * 1000 / requests : Double.NaN;
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
