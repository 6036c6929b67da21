package io.qinglang.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qinglang.infra.dev.Endpoints;
import io.qinglang.platform.shared.domain.TenantId;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

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
        String id = client.postJson("/api/v1/platform/tenants", PlatformClient.json(body), operatorToken(client, endpoints))
                .path("id").asText();
        return new BenchTenant(TenantId.of(id), slug);
    }

    private static String operatorToken(PlatformClient client, Endpoints endpoints)
            throws IOException, InterruptedException, RequestFailed {
        String form = "grant_type=password&scope=openid%20organization&client_id=" + enc(endpoints.consoleClientId())
                + "&username=" + enc(endpoints.operatorUsername()) + "&password=" + enc(endpoints.operatorPassword());
        return client.postForm(endpoints.tokenUrl(), form).path("access_token").asText();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
