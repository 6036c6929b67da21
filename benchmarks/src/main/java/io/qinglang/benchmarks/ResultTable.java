package io.qinglang.benchmarks;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** The results as a text table: per scenario a row for each side, then the platform/baseline ratios. */
final class ResultTable {

    private static final String ROW = "%-12s %-18s %9s %7s %10s %10s %9s %11s  %s%n";

    private ResultTable() {
    }

    static void print(Report report, PrintStream out) {
        BenchOptions options = report.options();
        MachineFacts machine = report.machine();
        out.printf(Locale.ROOT, "%nQinglang benchmark: %d clients, %d measured + %d warm-up requests per scenario and side%n",
                options.clients(), options.requests(), options.warmup());
        out.printf(Locale.ROOT, "Machine: %d cores (%s), Java %s, %s, max heap %.1f GB, %s%n%n", machine.cores(),
                machine.cpu(), machine.jvm(), machine.os(), machine.maxHeapBytes() / 1e9, machine.postgres());
        out.printf(Locale.ROOT, ROW, "scenario", "side", "requests", "failed", "req/s", "median ms", "p99 ms",
                "cpu ms/req", "lock waits avg/max");
        for (ScenarioResult result : report.scenarios()) {
            side(out, result.name(), result.platformSide(), result.platform());
            side(out, result.name(), result.baselineSide(), result.baseline());
            out.printf(Locale.ROOT, ROW, result.name(), "ratio (1st/2nd)", "", "", times(result.throughputRatio()),
                    times(result.medianRatio()), times(result.p99Ratio()), times(result.cpuRatio()), "");
        }
        report.scenarios().forEach(result -> failures(out, result));
        out.printf(Locale.ROOT, "%nStartup %.0f s, until results %.0f s.%n", report.startup().toMillis() / 1e3,
                report.elapsed().toMillis() / 1e3);
    }

    private static void side(PrintStream out, String scenario, String side, Measurement m) {
        out.printf(Locale.ROOT, ROW, scenario, side, m.requests() + (m.timedOut() ? "*" : ""), m.failed(),
                fixed(m.throughput(), 1), fixed(m.medianMillis(), 2), fixed(m.p99Millis(), 2),
                fixed(m.cpuMillisPerRequest(), 2), lockWaits(m.lockWaits()));
    }

    private static void failures(PrintStream out, ScenarioResult result) {
        failures(out, result.name() + " platform", result.platform());
        failures(out, result.name() + " baseline", result.baseline());
    }

    private static void failures(PrintStream out, String label, Measurement m) {
        if (m.timedOut()) {
            out.printf("* %s stopped at the time limit (--max-seconds) before sending every request%n", label);
        }
        describe(out, label + " failures", m.failures());
        describe(out, label + " warm-up failures", m.warmupFailures());
    }

    private static void describe(PrintStream out, String label, Map<String, Integer> counts) {
        counts.forEach((reason, count) -> out.printf("! %s: %s × %d%n", label, reason, count));
    }

    private static String lockWaits(LockWaits waits) {
        return waits.samples() == 0 ? "-" : String.format(Locale.ROOT, "%.2f / %d", waits.mean(), waits.max());
    }

    private static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String times(double ratio) {
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
