package io.qinglang.benchmarks;

/**
 * Receipt lookups (POST /api/v1/tenants/{slug}/tracking) of the cases the intake scenario registered, each
 * side looking up its own receipts in turn.
 */
final class LookupScenario implements Scenario {

    private final PlatformClient client;
    private final BenchTenant tenant;
    private final BaselineLookup baseline;
    private final Receipts platformReceipts;
    private final Receipts baselineReceipts;

    LookupScenario(PlatformClient client, BenchTenant tenant, BaselineLookup baseline, Receipts platformReceipts,
                   Receipts baselineReceipts) {
        this.client = client;
        this.tenant = tenant;
        this.baseline = baseline;
        this.platformReceipts = platformReceipts;
        this.baselineReceipts = baselineReceipts;
    }

    @Override
    public String name() {
        return "lookup";
    }

    @Override
    public Request platform() {
        String path = "/api/v1/tenants/" + tenant.slug() + "/tracking";
        return index -> client.postJson(path, PlatformClient.json(
                PlatformClient.JSON.createObjectNode().put("receiptCode", platformReceipts.get(index))), null);
    }

    @Override
    public Request baseline() {
        return index -> baseline.track(tenant.slug(), baselineReceipts.get(index));
    }
}
