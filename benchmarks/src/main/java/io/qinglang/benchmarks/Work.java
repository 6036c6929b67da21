package io.qinglang.benchmarks;

/** Something the harness runs that may fail with any exception: a scenario's hook, a pass of requests. */
@FunctionalInterface
interface Work {

    void run() throws Exception;
}
