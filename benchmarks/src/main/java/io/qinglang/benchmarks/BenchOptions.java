package io.qinglang.benchmarks;

import java.time.Duration;
import java.util.HashMap;
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
 */
record BenchOptions(int clients, int requests, int warmup, Duration phaseLimit, boolean traceSql, int statisticsCases) {

    /** The tenant the statistics page of the large tenant is compared with. */
    static final int SMALL_STATISTICS_CASES = 1_000;

    static final String USAGE = """
            Usage: ./qinglang bench [--clients N] [--requests N] [--warmup N] [--max-seconds N] [--trace-sql]
                                    [--statistics-cases N]

              --clients N      concurrent clients for the platform and the baseline (default 8)
              --requests N     measured requests per scenario and side (default 2000)
              --warmup N       unmeasured requests before each measured phase (default 300)
              --max-seconds N  a phase stops sending after N seconds, whatever its count (default 300)
              --trace-sql      log every statement of the application role in PostgreSQL's log
                               (benchmarks/target/bench-env/run-…/postgres/postgres.log); slows both sides
              --statistics-cases N  cases seeded over 24 months for the large tenant whose statistics page is
                               compared with a 1,000-case tenant's (default 1000000; seeding takes minutes)

            Starts PostgreSQL, Keycloak and the platform on free ports, onboards one tenant, then measures each
            scenario through the platform over HTTP and as plain JDBC with the same SQL (the baseline); then the
            statistics page of a large against a small tenant, and intake with the statistics kept against off.
            Results: the table on standard output and benchmarks/target/bench-results.json.
            Exit status 1 when any request failed, 2 on a bad argument.""";

    private static final Map<String, String> DEFAULTS = Map.of("--clients", "8", "--requests", "2000",
            "--warmup", "300", "--max-seconds", "300", "--statistics-cases", "1000000");

    /** Reads the arguments; refuses unknown or malformed ones with {@link IllegalArgumentException}. */
    static BenchOptions parse(String... args) {
        Map<String, String> values = new HashMap<>(DEFAULTS);
        boolean traceSql = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--trace-sql")) {
                traceSql = true;
            } else if (DEFAULTS.containsKey(name) && i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(DEFAULTS.containsKey(name) ? name + " needs a value" : "unknown argument " + name);
            }
        }
        return new BenchOptions(positive(values, "--clients"), positive(values, "--requests"),
                atLeastZero(values, "--warmup"), Duration.ofSeconds(positive(values, "--max-seconds")), traceSql,
                positive(values, "--statistics-cases"));
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
