package io.qinglang.benchmarks;

/**
 * The public statistics page of a closed period (GET /t/{slug}/statistics?period=…, the HTML with its charts and
 * suppression) for a tenant with many cases against the same page for a tenant with few: with statistics read from
 * kept monthly counts, the two should cost about the same.
 */
final class StatisticsPageScenario implements Scenario {

    private final PlatformClient client;
    private final BenchTenant large;
    private final int largeCases;
    private final BenchTenant small;
    private final int smallCases;
    private final String period;

    StatisticsPageScenario(PlatformClient client, BenchTenant large, int largeCases, BenchTenant small, int smallCases,
                           String period) {
        this.client = client;
        this.large = large;
        this.largeCases = largeCases;
        this.small = small;
        this.smallCases = smallCases;
        this.period = period;
    }

    @Override
    public String name() {
        return "stats " + (period.length() == 4 ? "year" : "month");
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
    public Request platform() {
        return index -> client.getPage("/t/" + large.slug() + "/statistics?period=" + period);
    }

    @Override
    public Request baseline() {
        return index -> client.getPage("/t/" + small.slug() + "/statistics?period=" + period);
    }
}
