package io.qinglang.benchmarks;

/**
 * Something the benchmark measures twice with the same clients and counts: through the platform over HTTP,
 * and as its baseline — the same SQL over plain JDBC, with no HTTP and no JPA. A new scenario is a class
 * of this shape added to {@link Benchmark#scenarios}; its baseline names the platform code it mirrors.
 */
interface Scenario {

    String name();

    Request platform();

    Request baseline();

    /** What the table calls the two sides. */
    default String platformSide() {
        return "platform";
    }

    default String baselineSide() {
        return "baseline (JDBC)";
    }

    /** Concurrent clients, warm-up and measured requests of each side: the run's options unless the scenario says. */
    default int clients(BenchOptions options) {
        return options.clients();
    }

    default int requests(BenchOptions options) {
        return options.requests();
    }

    default int warmup(BenchOptions options) {
        return options.warmup();
    }

    /**
     * How often the two sides are measured in turn, each time with a share of the requests (the warm-up only before
     * the first), the baseline first every other round: more than one when the difference sought is small enough that
     * a load changing during the run — the JIT still settling, another process on the machine — could weigh on one side
     * more than on the other. Request indices restart with each round.
     */
    default int rounds() {
        return 1;
    }

    /**
     * Run before the platform side is measured (e.g. to switch something on), and before the baseline side; in every
     * round.
     */
    default void beforePlatform() throws Exception {
    }

    default void beforeBaseline() throws Exception {
    }

    /** Both sides warmed alike, a request to each in turn, so that the side measured first is not the colder one. */
    default void warmBoth(int each) throws Exception {
        Request platform = platform();
        Request baseline = baseline();
        for (int i = 0; i < each; i++) {
            platform.send(i);
            baseline.send(i);
        }
    }

    /** Run once both sides are measured, whatever happened: puts back what the hooks changed. */
    default void after() throws Exception {
    }
}
