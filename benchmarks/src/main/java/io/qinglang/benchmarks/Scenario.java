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
}
