package io.qinglang.benchmarks;

/**
 * Receipt lookups (POST /api/v1/tenants/{slug}/tracking) of the cases the intake scenario registered, each
 * side looking up its own receipts in turn; or, as {@linkplain #floor the floor} under the lookup's ratio, the same
 * requests to a resource that does no lookup.
 */
final class LookupScenario implements Scenario {

    private final String name;
    private final String platformSide;
    private final String path;
    private final String slug;
    private final PlatformClient client;
    private final BaselineLookup baseline;
    private final Receipts platformReceipts;
    private final Receipts baselineReceipts;

    LookupScenario(PlatformClient client, BenchTenant tenant, BaselineLookup baseline, Receipts platformReceipts,
                   Receipts baselineReceipts) {
        this("lookup", "platform", "/api", client, tenant, baseline, platformReceipts, baselineReceipts);
    }

    private LookupScenario(String name, String platformSide, String root, PlatformClient client, BenchTenant tenant,
                           BaselineLookup baseline, Receipts platformReceipts, Receipts baselineReceipts) {
        this.name = name;
        this.platformSide = platformSide;
        this.path = root + "/v1/tenants/" + tenant.slug() + "/tracking";
        this.client = client;
        this.baseline = baseline;
        this.platformReceipts = platformReceipts;
        this.baselineReceipts = baselineReceipts;
        this.slug = tenant.slug();
    }

    /**
     * A request shaped like a receipt lookup that passes through everything an API request passes through in the
     * platform's server — Helidon's web server, Jersey, the security filter and token check, the platform's filters,
     * exception mappers and JSON mapper, the access log, and this benchmark's HTTP client — but does no lookup
     * ({@link FloorResource}), against the JDBC lookup: its ratio is the most the lookup's could be if the platform's
     * own work for a lookup cost nothing.
     */
    static LookupScenario floor(PlatformClient client, BenchTenant tenant, BaselineLookup baseline,
                                Receipts platformReceipts, Receipts baselineReceipts) {
        return new LookupScenario("lookup floor", "HTTP, no lookup", "/floor", client, tenant, baseline,
                platformReceipts, baselineReceipts);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String platformSide() {
        return platformSide;
    }

    @Override
    public Request platform() {
        return index -> client.postJson(path, PlatformClient.json(
                PlatformClient.JSON.createObjectNode().put("receiptCode", platformReceipts.get(index))), null);
    }

    @Override
    public Request baseline() {
        return index -> baseline.track(slug, baselineReceipts.get(index));
    }
}
