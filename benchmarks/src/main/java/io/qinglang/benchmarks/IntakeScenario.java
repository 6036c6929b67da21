package io.qinglang.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Anonymous reports without files to the public intake (POST /api/v1/tenants/{slug}/reports); each side keeps
 * its receipt codes for the lookups.
 */
final class IntakeScenario implements Scenario {

    static final String CHANNEL = "web";
    static final String CATEGORY = "fraud";
    static final String DESCRIPTION = "某网站冒充银行骗取验证码 / A site poses as a bank to obtain one-time codes.";
    static final String SUBJECT = "https://fraud.example/login";
    static final byte[] REPORT = report();

    private final PlatformClient client;
    private final BenchTenant tenant;
    private final BaselineIntake baseline;
    private final Receipts platformReceipts;
    private final Receipts baselineReceipts;

    IntakeScenario(PlatformClient client, BenchTenant tenant, BaselineIntake baseline, Receipts platformReceipts,
                   Receipts baselineReceipts) {
        this.client = client;
        this.tenant = tenant;
        this.baseline = baseline;
        this.platformReceipts = platformReceipts;
        this.baselineReceipts = baselineReceipts;
    }

    /** A public report to the tenant, answered with its receipt; for scenarios that only need intake as load. */
    static Request intake(PlatformClient client, BenchTenant tenant) {
        String path = "/api/v1/tenants/" + tenant.slug() + "/reports";
        return index -> client.postJson(path, REPORT, null);
    }

    private static byte[] report() {
        ObjectNode report = PlatformClient.JSON.createObjectNode().put("channel", CHANNEL).put("category", CATEGORY)
                .put("description", DESCRIPTION).put("anonymity", "ANONYMOUS");
        report.putObject("subject").put("type", "URL").put("value", SUBJECT);
        return PlatformClient.json(report);
    }

    @Override
    public String name() {
        return "intake";
    }

    @Override
    public Request platform() {
        String path = "/api/v1/tenants/" + tenant.slug() + "/reports";
        return index -> platformReceipts.add(client.postJson(path, REPORT, null).path("receiptCode").asText());
    }

    @Override
    public Request baseline() {
        return index -> baselineReceipts.add(baseline.submit(tenant.slug(), CHANNEL, CATEGORY));
    }
}
