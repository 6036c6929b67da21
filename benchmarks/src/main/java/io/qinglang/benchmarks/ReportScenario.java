package io.qinglang.benchmarks;

/**
 * The time to make a disclosure report (statistics with suppression, the Chinese and English PDFs, the CSV, archived
 * with their SHA-256) for a tenant with many cases against the same report for a tenant with few, one report at a
 * time as one admin would ask: with statistics read from kept monthly counts, the two should cost about the same.
 */
final class ReportScenario extends LargeAgainstSmall {

    static final int REQUESTS = 12;
    static final int WARM_UP = 5;

    private final ReportGeneration large;
    private final ReportGeneration small;

    ReportScenario(ReportGeneration large, int largeCases, ReportGeneration small, int smallCases, String period) {
        super("report", largeCases, smallCases, period);
        this.large = large;
        this.small = small;
    }

    @Override
    public int clients(BenchOptions options) {
        return 1;
    }

    @Override
    public int requests(BenchOptions options) {
        return REQUESTS;
    }

    @Override
    public int warmup(BenchOptions options) {
        return WARM_UP;
    }

    @Override
    public Request platform() {
        return index -> large.make(period);
    }

    @Override
    public Request baseline() {
        return index -> small.make(period);
    }
}
