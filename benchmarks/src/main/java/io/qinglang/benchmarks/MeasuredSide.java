package io.qinglang.benchmarks;

import jdk.jfr.Recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One side of a scenario as it is measured, in one round or several: the measurements of its rounds, merged at the
 * end, and with {@code --profile} a JDK Flight Recorder recording of each round (warm-up included), whose top costs
 * are printed together.
 */
final class MeasuredSide {

    private final String label;
    private final Work before;
    private final Request request;
    private final BenchOptions options;
    private final Path folder;
    private final List<Measurement> rounds = new ArrayList<>();
    private final List<Path> recordings = new ArrayList<>();

    /** {@code before}: the scenario's hook for this side, run before every round of it. */
    MeasuredSide(String label, Work before, Request request, BenchOptions options, Path folder) {
        this.label = label;
        this.before = before;
        this.request = request;
        this.options = options;
        this.folder = folder;
    }

    /** One round: {@code turn} names it in the progress lines ("" when there is only one). */
    void measure(ConcurrentClients clients, String turn, int warmup, int requests, LockWaitSampler lockWaits)
            throws Exception {
        Benchmark.progress(label + turn + ", " + warmup + " warm-up + " + requests + " measured …");
        before.run();
        Recording recording = options.profile() ? JfrTop.start() : null;
        Measurement measured = clients.measure(request, warmup, requests, lockWaits);
        Benchmark.progress(String.format(Locale.ROOT, "%s%s done: %.1f req/s, median %.2f ms, p99 %.2f ms, %d failed%s",
                label, turn, measured.throughput(), measured.medianMillis(), measured.p99Millis(),
                measured.failed() + measured.warmupFailed(), measured.warmupRequests() > warmup
                        ? String.format(Locale.ROOT, " (warmed up with %d requests in %.0f s while the JIT compiled)",
                        measured.warmupRequests(), measured.warmupSeconds()) : ""));
        rounds.add(measured);
        if (recording != null) {
            Path jfr = folder.resolve("jfr").resolve((label + turn).replaceAll("[^A-Za-z0-9]+", "-") + ".jfr");
            Files.createDirectories(jfr.getParent());
            recording.stop();
            recording.dump(jfr);
            recording.close();
            recordings.add(jfr);
        }
    }

    /** The rounds as one measurement; prints the profile of them all first, if recorded. */
    Measurement merged() throws IOException {
        if (!recordings.isEmpty()) {
            System.out.println("  " + label + ":");
            JfrTop.of(recordings, 15).print(System.out, "    ");
        }
        return Measurement.merged(rounds);
    }
}
