package io.qinglang.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The results as JSON, for comparing runs and for later tooling; the same numbers as the table. */
final class ResultsJson {

    private ResultsJson() {
    }

    static void write(Report report, Path file) throws IOException {
        ObjectNode root = PlatformClient.JSON.createObjectNode();
        root.put("startedAt", report.startedAt().toString())
                .put("startupSeconds", report.startup().toMillis() / 1e3)
                .put("secondsUntilResults", report.elapsed().toMillis() / 1e3)
                .put("failed", report.anyFailed());
        BenchOptions options = report.options();
        root.putObject("options").put("clients", options.clients()).put("requests", options.requests())
                .put("warmup", options.warmup()).put("maxSecondsPerPhase", options.phaseLimit().toSeconds())
                .put("traceSql", options.traceSql());
        MachineFacts machine = report.machine();
        root.putObject("machine").put("cores", machine.cores()).put("cpu", machine.cpu()).put("jvm", machine.jvm())
                .put("os", machine.os()).put("maxHeapBytes", machine.maxHeapBytes()).put("database", machine.postgres());
        var scenarios = root.putArray("scenarios");
        report.scenarios().forEach(result -> scenario(scenarios.addObject(), result));
        Files.createDirectories(file.toAbsolutePath().getParent());
        PlatformClient.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    private static void scenario(ObjectNode node, ScenarioResult result) {
        node.put("name", result.name());
        measurement(node.putObject("platform").put("side", result.platformSide()), result.platform());
        measurement(node.putObject("baseline").put("side", result.baselineSide()), result.baseline());
        ObjectNode ratio = node.putObject("ratio");
        number(ratio, "throughput", result.throughputRatio());
        number(ratio, "median", result.medianRatio());
        number(ratio, "p99", result.p99Ratio());
        number(ratio, "cpuPerRequest", result.cpuRatio());
    }

    private static void measurement(ObjectNode node, Measurement m) {
        node.put("requests", m.requests()).put("failed", m.failed()).put("seconds", m.seconds())
                .put("timedOut", m.timedOut());
        number(node, "throughputPerSecond", m.throughput());
        number(node, "medianMs", m.medianMillis());
        number(node, "p99Ms", m.p99Millis());
        node.put("cpuSeconds", m.cpuSeconds());
        node.put("warmupRequests", m.warmupRequests());
        node.put("warmupSeconds", m.warmupSeconds());
        number(node, "cpuMsPerRequest", m.cpuMillisPerRequest());
        ObjectNode failures = node.putObject("failures");
        m.failures().forEach(failures::put);
        ObjectNode warmupFailures = node.putObject("warmupFailures");
        m.warmupFailures().forEach(warmupFailures::put);
        node.putObject("lockWaits").put("samples", m.lockWaits().samples()).put("mean", m.lockWaits().mean())
                .put("max", m.lockWaits().max());
    }

    /** NaN and infinity (nothing measured) become null, which JSON can carry. */
    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
