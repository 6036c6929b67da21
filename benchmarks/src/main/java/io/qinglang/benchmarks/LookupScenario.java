package io.qinglang.benchmarks;

import io.qinglang.platform.cases.application.TrackingService;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Receipt lookups (POST /api/v1/tenants/{slug}/tracking) of the cases the intake scenario registered, each
 * side looking up its own receipts in turn; or, as {@linkplain #floor the floor} under the lookup's ratio, the same
 * requests to a resource that does no lookup; or, as {@linkplain #withoutHttp the lookup without HTTP}, the
 * platform's lookup called in its server's process, with no request around it.
 */
final class LookupScenario implements Scenario {

    /** How the platform's side sends one lookup of a receipt. */
    @FunctionalInterface
    private interface Lookup {
        void send(String receiptCode) throws Exception;
    }

    private final String name;
    private final String platformSide;
    private final Lookup lookup;
    private final String slug;
    private final BaselineLookup baseline;
    private final Receipts platformReceipts;
    private final Receipts baselineReceipts;

    LookupScenario(PlatformClient client, BenchTenant tenant, BaselineLookup baseline, Receipts platformReceipts,
                   Receipts baselineReceipts) {
        this("lookup", "platform", overHttp(client, "/api", tenant), tenant, baseline, platformReceipts, baselineReceipts);
    }

    private LookupScenario(String name, String platformSide, Lookup lookup, BenchTenant tenant, BaselineLookup baseline,
                           Receipts platformReceipts, Receipts baselineReceipts) {
        this.name = name;
        this.platformSide = platformSide;
        this.lookup = lookup;
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
        return new LookupScenario("lookup floor", "HTTP, no lookup", overHttp(client, "/floor", tenant), tenant,
                baseline, platformReceipts, baselineReceipts);
    }

    /**
     * The platform's lookup ({@link TrackingService#track}: rate limits, the receipt's hash, the view read by
     * {@code SqlReporterViews}) called on the benchmark's client threads, in the process the platform's server runs in,
     * with no HTTP request, filter, security check or JSON around it, against the JDBC lookup: what the lookup's ratio
     * would be if the platform's HTTP path cost nothing. Every call comes from the
     * address the HTTP lookups come from, the loopback.
     */
    static LookupScenario withoutHttp(BenchTenant tenant, BaselineLookup baseline, Receipts platformReceipts,
                                      Receipts baselineReceipts) {
        TrackingService tracking = CDI.current().select(TrackingService.class).get();
        return new LookupScenario("lookup without HTTP", "service call", receiptCode ->
                tracking.track(tenant.slug(), "127.0.0.1", null, receiptCode), tenant, baseline, platformReceipts,
                baselineReceipts);
    }

    private static Lookup overHttp(PlatformClient client, String root, BenchTenant tenant) {
        String path = root + "/v1/tenants/" + tenant.slug() + "/tracking";
        return receiptCode -> client.postJson(path, PlatformClient.json(
                PlatformClient.JSON.createObjectNode().put("receiptCode", receiptCode)), null);
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
        return index -> lookup.send(platformReceipts.get(index));
    }

    @Override
    public Request baseline() {
        return index -> baseline.track(slug, baselineReceipts.get(index));
    }
}
