package io.qinglang.benchmarks;

import java.util.Arrays;
import java.util.List;

/** Latency statistics over the successful requests of a phase, by the nearest-rank method. */
final class Latencies {

    private final long[] sortedNanos;

    private Latencies(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    /** From per-request latencies in nanoseconds; negative entries (failed requests) are left out. */
    static Latencies of(long[] nanos) {
        return new Latencies(Arrays.stream(nanos).filter(n -> n >= 0).sorted().toArray());
    }

    /** The latencies of several phases as one. */
    static Latencies merged(List<Latencies> phases) {
        return new Latencies(phases.stream().flatMapToLong(p -> Arrays.stream(p.sortedNanos)).sorted().toArray());
    }

    int count() {
        return sortedNanos.length;
    }

    /** The smallest latency that at least {@code fraction} of the requests did not exceed, in milliseconds. */
    double percentileMillis(double fraction) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * sortedNanos.length);
        return sortedNanos[Math.max(rank, 1) - 1] / 1_000_000.0;
    }
}
