package io.qinglang.benchmarks;

import io.qinglang.admin.console.application.ConsoleSession;
import io.qinglang.admin.console.application.ConsoleSessions;
import jakarta.enterprise.inject.spi.CDI;

import java.time.Instant;
import java.util.Set;

/**
 * The staff console's case list page (GET /console/cases{query}: the newest 20 cases with their running deadlines,
 * the filter form, the page's frame) for a handler of a tenant with many cases against one of a tenant with few. The
 * list reads one page by an index, so the two should cost about the same. Each side's handler has a console session
 * opened directly (the server runs in this JVM): what is measured is the page, not the sign-in, which Keycloak does.
 */
final class CaseListPageScenario extends LargeAgainstSmall {

    private static final int WARM_UP_EACH = 200;

    private final PlatformClient client;
    private final String query;
    private final String label;
    private final String largeCookie;
    private final String smallCookie;

    CaseListPageScenario(PlatformClient client, BenchTenant large, int largeCases, BenchTenant small, int smallCases,
                         String label, String query) {
        super("list", largeCases, smallCases, "");
        this.client = client;
        this.query = query;
        this.label = label;
        this.largeCookie = sessionCookie(large);
        this.smallCookie = sessionCookie(small);
    }

    @Override
    public String name() {
        return "list " + label;
    }

    /** A handler's session at the tenant, as the console's sign-in would open it. */
    private static String sessionCookie(BenchTenant tenant) {
        ConsoleSessions sessions = CDI.current().select(ConsoleSessions.class).get();
        String key = sessions.open(new ConsoleSession(tenant.slug(), "bench-handler-" + tenant.slug(),
                "handler@" + tenant.slug() + ".bench", "Bench handler", Set.of("handler"), null,
                ConsoleSessions.randomKey(), Instant.now()));
        return "qinglang_session=" + key;
    }

    /** Both pages warmed alike before either is measured. */
    @Override
    public void beforePlatform() throws Exception {
        warmBoth(WARM_UP_EACH);
    }

    @Override
    public Request platform() {
        return index -> client.getPage("/console/cases" + query, largeCookie);
    }

    @Override
    public Request baseline() {
        return index -> client.getPage("/console/cases" + query, smallCookie);
    }
}
