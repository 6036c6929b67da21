package io.qinglang.benchmarks;

import io.qinglang.infra.dev.Endpoints;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What checking a staff token costs (issue 18, item 4): a handler's case list over the JSON API
 * ({@code GET /api/v1/tenants/{slug}/cases}, the newest 20) with a Keycloak access token, checked as in production
 * (signature against the realm's keys, issuer, audience, expiry), against the same request with the token check
 * switched off — answered with the subject the check established for that handler once ({@link SkippableTokenCheck}),
 * so roles, tenant membership and everything after the check run alike. Issue 18 asks the first to keep at least
 * 80 % of the second's throughput, with no call to Keycloak per request: before measuring, a pass of its own counts
 * this JVM's writes to Keycloak while it sends requests with a token.
 */
final class TokenCheckScenario implements Scenario {

    private static final int WARM_UP_EACH = 1_000;
    private static final int COUNTED_REQUESTS = 200;
    private static final int ROUNDS = 6;

    private final PlatformClient client;
    private final String path;
    private final Supplier<String> handler;
    private final String subjectName;
    private final int keycloakPort;
    private final Consumer<String> progress;

    private TokenCheckScenario(PlatformClient client, String path, Supplier<String> handler, String subjectName,
                               int keycloakPort, Consumer<String> progress) {
        this.client = client;
        this.path = path;
        this.handler = handler;
        this.subjectName = subjectName;
        this.keycloakPort = keycloakPort;
        this.progress = progress;
    }

    /**
     * A handler invited by the tenant's admin and signed in; the check lets them in once and remembers their subject.
     * Then both sides are warmed alike, and requests with a token are sent once more while this JVM's writes to
     * Keycloak are counted.
     */
    static TokenCheckScenario create(PlatformClient client, Endpoints endpoints, BenchTenant tenant,
                                     Supplier<String> admin, Consumer<String> progress) throws Exception {
        Supplier<String> handler = TenantOnboarding.staff(client, endpoints, tenant, admin, "handler");
        String path = "/api/v1/tenants/" + tenant.slug() + "/cases";
        String subjectName = UUID.randomUUID().toString();
        client.getJson(path, Map.of("Authorization", "Bearer " + handler.get(),
                SkippableTokenCheck.REMEMBER, subjectName));
        try {
            client.getJson(path, Map.of(SkippableTokenCheck.SKIP, subjectName));
        } catch (RequestFailed e) {
            throw new IllegalStateException("the token check could not be skipped (is SkippableTokenCheckExtension "
                    + "in the benchmark's META-INF/services?): " + e.getMessage(), e);
        }
        TokenCheckScenario scenario = new TokenCheckScenario(client, path, handler, subjectName,
                URI.create(endpoints.keycloakUrl()).getPort(), progress);
        scenario.warmBoth(WARM_UP_EACH);
        scenario.countKeycloakWrites();
        return scenario;
    }

    /** Evidence that the keys are not fetched per request: what this JVM writes to Keycloak while tokens are checked. */
    private void countKeycloakWrites() throws Exception {
        Request checked = platform();
        handler.get(); // a young token now: the benchmark asks Keycloak for none while counting
        Map<Integer, Long> writes = SocketWrites.byRemotePort(() -> {
            for (int i = 0; i < COUNTED_REQUESTS; i++) {
                checked.send(i);
            }
        });
        int platformPort = URI.create(client.base()).getPort();
        progress.accept(String.format("case list: %d requests with a token wrote %d times to Keycloak (port %d), "
                + "%d times to the platform (port %d)", COUNTED_REQUESTS, writes.getOrDefault(keycloakPort, 0L),
                keycloakPort, writes.getOrDefault(platformPort, 0L), platformPort));
    }

    @Override
    public String name() {
        return "case list";
    }

    @Override
    public String platformSide() {
        return "token checked";
    }

    @Override
    public String baselineSide() {
        return "no token check";
    }

    /** The token check costs a fraction of a request: both sides measured in turn, so a changing load weighs alike. */
    @Override
    public int rounds() {
        return ROUNDS;
    }

    @Override
    public Request platform() {
        return index -> client.getJson(path, Map.of("Authorization", "Bearer " + handler.get()));
    }

    @Override
    public Request baseline() {
        return index -> client.getJson(path, Map.of(SkippableTokenCheck.SKIP, subjectName));
    }
}
