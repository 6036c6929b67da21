package io.qinglang.benchmarks;

/**
 * The time to make a disclosure report (statistics with suppression, the Chinese and English PDFs, the CSV, archived
 * with their SHA-256) for a tenant with many cases against the same report for a tenant with few, one report at a
 * time as one admin would ask: with statistics read from kept monthly counts, the two should cost about the same.
 */
final class ReportScenario implements Scenario {

    static final int REQUESTS = 12;
    static final int WARM_UP = 5;

    private final ReportGeneration large;
    private final int largeCases;
    private final ReportGeneration small;
    private final int smallCases;
    private final String period;

    ReportScenario(ReportGeneration large, int largeCases, ReportGeneration small, int smallCases, String period) {
        this.large = large;
        this.largeCases = largeCases;
        this.small = small;
        this.smallCases = smallCases;
        this.period = period;
    }

    @Override
    public String name() {
        return "report " + (period.length() == 4 ? "year" : "month");
    }

    @Override
    public String platformSide() {
        return String.format("%,d cases", largeCases);
    }

    @Override
    public String baselineSide() {
        return String.format("%,d cases", smallCases);
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
