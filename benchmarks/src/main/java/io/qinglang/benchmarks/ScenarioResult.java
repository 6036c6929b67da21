package io.qinglang.benchmarks;

/** A scenario measured on both sides, and how the platform compares with its baseline. */
record ScenarioResult(String name, String platformSide, String baselineSide, Measurement platform, Measurement baseline) {

    /** Platform throughput as a fraction of the baseline's: below 1 means the platform serves fewer requests. */
    double throughputRatio() {
        return platform.throughput() / baseline.throughput();
    }

    /** Platform median latency as a multiple of the baseline's. */
    double medianRatio() {
        return platform.medianMillis() / baseline.medianMillis();
    }

    /** Platform p99 latency as a multiple of the baseline's. */
    double p99Ratio() {
        return platform.p99Millis() / baseline.p99Millis();
    }

    /** Platform CPU time per request (this JVM's) as a multiple of the baseline's. */
    double cpuRatio() {
        return platform.cpuMillisPerRequest() / baseline.cpuMillisPerRequest();
    }

    boolean anyFailed() {
        return platform.failed() + platform.warmupFailed() + baseline.failed() + baseline.warmupFailed() > 0;
    }
}
