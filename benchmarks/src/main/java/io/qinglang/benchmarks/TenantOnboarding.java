package io.qinglang.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qinglang.infra.dev.DevAccounts;
import io.qinglang.infra.dev.Endpoints;
import io.qinglang.platform.shared.domain.TenantId;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
        String id = client.postJson("/api/v1/platform/tenants", PlatformClient.json(body), operatorToken(client, endpoints))
                .path("id").asText();
        return new BenchTenant(TenantId.of(id), slug);
    }

    private static String operatorToken(PlatformClient client, Endpoints endpoints)
            throws IOException, InterruptedException, RequestFailed {
        return token(client, endpoints, endpoints.operatorUsername(), endpoints.operatorPassword());
    }

    /**
     * The tenant's invited admin, as if they had followed the invitation (a password set, the address verified),
     * signed in: a token good for a few minutes, asked for anew when older than two.
     */
    static Supplier<String> admin(PlatformClient client, Endpoints endpoints, BenchTenant tenant) {
        String email = "admin@" + tenant.slug() + ".example";
        String password = "Bench-" + UUID.randomUUID();
        DevAccounts.activate(endpoints, email, password);
        return new Supplier<>() {
            private String token;
            private Instant fetched = Instant.MIN;

            @Override
            public synchronized String get() {
                if (fetched.isBefore(Instant.now().minus(Duration.ofMinutes(2)))) {
                    try {
                        token = token(client, endpoints, email, password);
                    } catch (IOException | RequestFailed e) {
                        throw new IllegalStateException("the tenant admin could not sign in: " + e.getMessage(), e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    fetched = Instant.now();
                }
                return token;
            }
        };
    }

    private static String token(PlatformClient client, Endpoints endpoints, String username, String password)
            throws IOException, InterruptedException, RequestFailed {
        String form = "grant_type=password&scope=openid%20organization&client_id=" + enc(endpoints.consoleClientId())
                + "&username=" + enc(username) + "&password=" + enc(password);
        return client.postForm(endpoints.tokenUrl(), form).path("access_token").asText();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
