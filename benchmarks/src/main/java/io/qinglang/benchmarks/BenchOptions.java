package io.qinglang.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run does, from the command line. The defaults suit a 2-core machine: long enough for the JIT and
 * the pools to settle, short enough to finish in a few minutes.
 *
 * @param clients   concurrent clients, the same for the platform and the baseline
 * @param requests  measured requests per scenario and side
 * @param warmup    requests per scenario and side before measuring, not counted
 * @param phaseLimit a phase stops sending after this long, whatever its count
 * @param traceSql  log every statement of the application role in PostgreSQL's log, to compare with the baseline
 * @param statisticsCases cases seeded for the large tenant of the statistics page scenarios
 * @param openLoopOnly run only the open-loop scenario
 * @param authOnly     run only the scenario of the staff token check (closed loop), not the open loop
 * @param rates        the open loop's arrival rates per second, in the order tried
 * @param step         how long the open loop sends at each rate
 * @param profile      record each measured side with JDK Flight Recorder and print its top costs
 * @param only         the closed-loop scenarios to run, by name (all when empty); with some named, no open loop
 * @param settleLimit  how long a closed-loop warm-up may go on past its count while the JIT is still compiling
 */
record BenchOptions(int clients, int requests, int warmup, Duration phaseLimit, boolean traceSql, int statisticsCases,
                    boolean openLoopOnly, boolean authOnly, List<Integer> rates, Duration step, boolean profile,
                    List<String> only, Duration settleLimit) {

    /** The open loop's limit: a rate is held while the 99th percentile stays within it (and nothing fails). */
    static final double P99_LIMIT_MILLIS = 100;

    /** The tenant the statistics page of the large tenant is compared with. */
    static final int SMALL_STATISTICS_CASES = 1_000;

    static final String USAGE = """
            Usage: ./qinglang bench [--clients N] [--requests N] [--warmup N] [--settle-seconds N] [--max-seconds N]
                                    [--trace-sql]
                                    [--statistics-cases N] [--open-loop-only | --auth-only] [--rates R,R,…]
                                    [--step-seconds N] [--profile] [--only NAME,…]

              --clients N      concurrent clients for the platform and the baseline (default 8)
              --requests N     measured requests per scenario and side (default 2000)
              --warmup N       unmeasured requests before each measured phase (default 300)
              --settle-seconds N  after those, the warm-up goes on in windows of 2 s while the JIT compiler
                               is still busy (2 % of a window or more), for at most N s per side (default 180;
                               0: not at all): the platform runs in this JVM, and on two cores a compiler
                               still compiling it takes CPU from what is measured
              --max-seconds N  a phase stops sending after N seconds, whatever its count (default 300)
              --trace-sql      log every statement of the application role in PostgreSQL's log
                               (benchmarks/target/bench-env/run-…/postgres/postgres.log); slows both sides
              --statistics-cases N  cases seeded over 24 months for the large tenant whose statistics page is
                               compared with a 1,000-case tenant's (default 1000000; seeding takes minutes)
              --open-loop-only run only the open loop (below), not the other scenarios
              --auth-only      run only the staff token check: a handler's case list (JSON API) with a Keycloak
                               token against the same request with the check switched off in this benchmark's
                               server, at a tenant of 1,000 seeded cases; no open loop
              --rates R,R,…    the open loop's arrival rates per second, tried in turn until one is not held
                               (default 25,50,75,100,150,200,300,400,600,800,1200,1600,2400,3200)
              --step-seconds N how long the open loop sends at each rate (default 10)
              --only NAME,…    run only these closed-loop scenarios, by the names the table shows (e.g.
                               intake,lookup: lookups use the receipts intake hands out), and no open
                               loop: to look at one change quickly
              --profile        record each side of each scenario with JDK Flight Recorder while it is measured
                               (closed loop: this process, warm-up included; open loop: the platform in this
                               process, the baseline in the load generator's) and print the top costs of each;
                               the recordings stay in the run folder (jfr/…)

            Starts PostgreSQL, Keycloak and the platform on free ports, onboards one tenant, then measures each
            scenario through the platform over HTTP and as plain JDBC with the same SQL (the baseline); then the
            statistics page of a large against a small tenant, and intake with the statistics kept against off,
            and a handler's case list with a token checked against none.
            Then the open loop: a load generator in its own process sends reports, then receipt lookups, at each
            rate in turn to the platform and as the same SQL over JDBC, latency counted from each request's
            intended send time; the highest rate each side holds with p99 ≤ 100 ms and nothing failed, and the
            ratio (benchmarks/target/bench-open-loop.json).
            Results: the table on standard output and benchmarks/target/bench-results.json.
            Exit status 1 when any request failed, 2 on a bad argument.""";

    private static final Map<String, String> DEFAULTS = Map.of("--clients", "8", "--requests", "2000",
            "--warmup", "300", "--max-seconds", "300", "--statistics-cases", "1000000",
            "--rates", "25,50,75,100,150,200,300,400,600,800,1200,1600,2400,3200", "--step-seconds", "10",
            "--only", "", "--settle-seconds", "180");

    /** Reads the arguments; refuses unknown or malformed ones with {@link IllegalArgumentException}. */
    static BenchOptions parse(String... args) {
        Map<String, String> values = new HashMap<>(DEFAULTS);
        boolean traceSql = false;
        boolean openLoopOnly = false;
        boolean authOnly = false;
        boolean profile = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--trace-sql")) {
                traceSql = true;
            } else if (name.equals("--open-loop-only")) {
                openLoopOnly = true;
            } else if (name.equals("--auth-only")) {
                authOnly = true;
            } else if (name.equals("--profile")) {
                profile = true;
            } else if (DEFAULTS.containsKey(name) && i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(DEFAULTS.containsKey(name) ? name + " needs a value" : "unknown argument " + name);
            }
        }
        List<String> only = values.get("--only").isBlank() ? List.of()
                : Arrays.stream(values.get("--only").split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList();
        if ((openLoopOnly ? 1 : 0) + (authOnly ? 1 : 0) + (only.isEmpty() ? 0 : 1) > 1) {
            throw new IllegalArgumentException("--open-loop-only, --auth-only and --only exclude each other");
        }
        if (only.stream().anyMatch(name -> name.startsWith("lookup")) && !only.contains("intake")) {
            throw new IllegalArgumentException("--only: the lookups look up the receipts the intake scenario hands out; "
                    + "name intake too (--only intake," + String.join(",", only) + ")");
        }
        return new BenchOptions(positive(values, "--clients"), positive(values, "--requests"),
                atLeastZero(values, "--warmup"), Duration.ofSeconds(positive(values, "--max-seconds")), traceSql,
                positive(values, "--statistics-cases"), openLoopOnly, authOnly, rates(values.get("--rates")),
                Duration.ofSeconds(positive(values, "--step-seconds")), profile, only,
                Duration.ofSeconds(atLeastZero(values, "--settle-seconds")));
    }

    private static List<Integer> rates(String list) {
        List<Integer> rates = new ArrayList<>();
        for (String rate : list.split(",")) {
            try {
                rates.add(Integer.parseInt(rate.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--rates must be whole numbers separated by commas, not " + list);
            }
            if (rates.getLast() < 1 || (rates.size() > 1 && rates.getLast() <= rates.get(rates.size() - 2))) {
                throw new IllegalArgumentException("--rates must be at least 1 and rise: " + list);
            }
        }
        return List.copyOf(rates);
    }

    static boolean wantsHelp(String... args) {
        return args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"));
    }

    private static int positive(Map<String, String> values, String name) {
        int value = number(values, name);
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return value;
    }

    private static int atLeastZero(Map<String, String> values, String name) {
        int value = number(values, name);
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return value;
    }

    private static int number(Map<String, String> values, String name) {
        try {
            return Integer.parseInt(values.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + values.get(name));
        }
    }
}
