package io.qinglang.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qinglang.infra.dev.DevAccounts;
import io.qinglang.infra.dev.Endpoints;
import io.qinglang.platform.shared.domain.TenantId;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Supplier;

/** Onboards the benchmark's tenant as the platform operator would: a password-grant token, then the API. */
final class TenantOnboarding {

    static final String TEMPLATE = "INTERNET_CONTENT";

    private TenantOnboarding() {
    }

    static BenchTenant onboard(PlatformClient client, Endpoints endpoints)
            throws IOException, InterruptedException, RequestFailed {
        String slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode body = PlatformClient.JSON.createObjectNode().put("slug", slug)
                .put("nameZh", "基准测试 " + slug).put("nameEn", "Benchmark " + slug).put("timeZone", "Asia/Shanghai")
                .put("contactEmail", "contact@" + slug + ".example").put("template", TEMPLATE);
        body.putObject("admin").put("email", "admin@" + slug + ".example").put("firstName", "Bench").put("lastName", "Admin");
        String operator = new SignedIn(client, endpoints, endpoints.operatorUsername(), endpoints.operatorPassword()).get();
        String id = client.postJson("/api/v1/platform/tenants", PlatformClient.json(body), operator).path("id").asText();
        return new BenchTenant(TenantId.of(id), slug);
    }

    /** The tenant's invited admin, as if they had followed the invitation (a password set, the address verified). */
    static Supplier<String> admin(PlatformClient client, Endpoints endpoints, BenchTenant tenant) {
        return activated(client, endpoints, "admin@" + tenant.slug() + ".example");
    }

    /**
     * A member of staff with one role, invited by the tenant's admin through the staff API as a tenant does, then
     * activated and signed in like the admin.
     */
    static Supplier<String> staff(PlatformClient client, Endpoints endpoints, BenchTenant tenant,
                                  Supplier<String> admin, String role)
            throws IOException, InterruptedException, RequestFailed {
        String email = role + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + tenant.slug() + ".example";
        ObjectNode invitation = PlatformClient.JSON.createObjectNode().put("email", email).put("firstName", "Bench")
                .put("lastName", role);
        invitation.putArray("roles").add(role);
        client.postJson("/api/v1/tenants/" + tenant.slug() + "/staff", PlatformClient.json(invitation), admin.get());
        return activated(client, endpoints, email);
    }

    private static Supplier<String> activated(PlatformClient client, Endpoints endpoints, String email) {
        String password = "Bench-" + UUID.randomUUID();
        DevAccounts.activate(endpoints, email, password);
        return new SignedIn(client, endpoints, email, password);
    }
}
