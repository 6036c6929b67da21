package io.qinglang.benchmarks;

/**
 * The public statistics page of a closed period (GET /t/{slug}/statistics?period=…, the HTML with its charts and
 * suppression) for a tenant with many cases against the same page for a tenant with few: with statistics read from
 * kept monthly counts, the two should cost about the same.
 */
final class StatisticsPageScenario extends LargeAgainstSmall {

    private static final int WARM_UP_EACH = 200;

    private final PlatformClient client;
    private final BenchTenant large;
    private final BenchTenant small;

    StatisticsPageScenario(PlatformClient client, BenchTenant large, int largeCases, BenchTenant small, int smallCases,
                           String period) {
        super("stats", largeCases, smallCases, period);
        this.client = client;
        this.large = large;
        this.small = small;
    }

    /** Both pages warmed alike before either is measured. */
    @Override
    public void beforePlatform() throws Exception {
        warmBoth(WARM_UP_EACH);
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
