package io.qinglang.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jdk.jfr.Recording;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reports, then receipt lookups, sent open loop ({@link OpenLoop}) by a load generator in its own process
 * ({@link OpenLoopGenerator}) to the platform and as the same SQL over JDBC: for each, the highest rate held with a
 * 99th percentile within {@value BenchOptions#P99_LIMIT_MILLIS} ms and nothing failed, and the ratio. With
 * {@code --profile}, the platform (this process) and the baseline (the generator's process) are recorded with JDK
 * Flight Recorder while measured, and their top costs printed.
 */
final class OpenLoopScenario {

    /** One kind of request on one side: the steps tried, and the highest rate held. */
    record Side(String side, List<OpenLoop.Step> steps, int held, Optional<JfrTop.Costs> profile) {
    }

    /** One kind of request on both sides. */
    record Result(String kind, Side platform, Side baseline) {
        double ratio() {
            return baseline.held() == 0 ? Double.NaN : platform.held() / (double) baseline.held();
        }
    }

    private final BenchPlatform platform;
    private final BenchOptions options;
    private final Path folder;
    private final Consumer<String> progress;

    OpenLoopScenario(BenchPlatform platform, BenchOptions options, Path folder, Consumer<String> progress) {
        this.platform = platform;
        this.options = options;
        this.folder = folder;
        this.progress = progress;
    }

    List<Result> run() throws Exception {
        List<Result> results = new ArrayList<>();
        for (String kind : List.of("intake", "lookup")) {
            results.add(new Result(kind, side(kind, "platform"), side(kind, "baseline")));
        }
        return results;
    }

    private Side side(String kind, String side) throws Exception {
        String label = "open loop, " + kind + ", " + side;
        progress.accept(label + ": rates " + options.rates() + "/s, " + options.step().toSeconds() + " s each …");
        Path jfr = folder.resolve("jfr").resolve(kind + "-" + side + ".jfr");
        Files.createDirectories(jfr.getParent());
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:+UseSerialGC"));
        if (options.profile() && side.equals("baseline")) {
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OpenLoopGenerator.class.getName(), side, kind,
                options.rates().stream().map(String::valueOf).collect(Collectors.joining(",")),
                String.valueOf(options.step().toSeconds()), String.valueOf(BenchOptions.P99_LIMIT_MILLIS)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("QB_BASE_URL", platform.client().base());
        env.put("QB_SLUG", platform.tenant().slug());
        env.put("QB_JDBC_URL", platform.endpoints().jdbcUrl());
        env.put("QB_APP_USER", platform.endpoints().appUser());
        env.put("QB_APP_PASSWORD", platform.endpoints().appPassword());
        env.put("QB_POOL_SIZE", String.valueOf(platform.poolSize()));
        platform.keys().forEach((name, value) -> env.put(name.equals("qinglang.crypto.master-key") ? "QB_MASTER_KEY"
                : "QB_RECEIPT_KEY", value));
        Recording recording = options.profile() && side.equals("platform") ? JfrTop.start() : null;
        List<OpenLoop.Step> steps = new ArrayList<>();
        Process generator = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(generator.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("STEP ")) {
                    OpenLoop.Step step = PlatformClient.JSON.readValue(line.substring(5), OpenLoop.Step.class);
                    steps.add(step);
                    progress.accept(label + ": " + step.summary() + (step.held(BenchOptions.P99_LIMIT_MILLIS) ? "" : " — not held"));
                } else {
                    progress.accept(label + ": " + line);
                }
            }
        }
        int exit = generator.waitFor();
        if (recording != null) {
            recording.stop();
            recording.dump(jfr);
            recording.close();
        }
        if (exit != 0) {
            throw new IllegalStateException("the load generator (" + label + ") ended with status " + exit);
        }
        int held = steps.stream().filter(s -> s.held(BenchOptions.P99_LIMIT_MILLIS)).mapToInt(s -> (int) s.rate())
                .max().orElse(0);
        Optional<JfrTop.Costs> costs = options.profile() ? Optional.of(JfrTop.of(jfr, 15)) : Optional.empty();
        return new Side(side, steps, held, costs);
    }

    /** The table on standard output. */
    static void print(List<Result> results, BenchOptions options, java.io.PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Open loop: highest rate held with p99 <= %.0f ms and nothing failed (steps of %d s; rates %s/s)%n",
                BenchOptions.P99_LIMIT_MILLIS, options.step().toSeconds(), options.rates());
        out.printf(Locale.ROOT, "%-8s %14s %14s %7s%n", "", "platform /s", "JDBC /s", "ratio");
        for (Result r : results) {
            out.printf(Locale.ROOT, "%-8s %14d %14d %7.2f%n", r.kind(), r.platform().held(), r.baseline().held(), r.ratio());
        }
        for (Result r : results) {
            for (Side side : List.of(r.platform(), r.baseline())) {
                out.println("  " + r.kind() + ", " + side.side() + ":");
                side.steps().forEach(step -> out.println("    " + step.summary()));
                side.profile().ifPresent(costs -> costs.print(out, "    "));
            }
        }
    }

    /** {@code bench-open-loop.json}: every step of every side, the rates held, the ratios and the profiles. */
    static void write(List<Result> results, BenchOptions options, Path file) throws IOException {
        ObjectNode root = PlatformClient.JSON.createObjectNode();
        root.put("p99LimitMillis", BenchOptions.P99_LIMIT_MILLIS).put("stepSeconds", options.step().toSeconds());
        ArrayNode kinds = root.putArray("results");
        for (Result r : results) {
            ObjectNode kind = kinds.addObject().put("kind", r.kind()).put("platformHeld", r.platform().held())
                    .put("baselineHeld", r.baseline().held()).put("ratio", r.ratio());
            for (Side side : List.of(r.platform(), r.baseline())) {
                JsonNode steps = PlatformClient.JSON.valueToTree(side.steps());
                ObjectNode node = kind.putObject(side.side());
                node.set("steps", steps);
                side.profile().ifPresent(costs -> node.set("profile", PlatformClient.JSON.valueToTree(costs)));
            }
        }
        Files.createDirectories(file.getParent());
        PlatformClient.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }
}
