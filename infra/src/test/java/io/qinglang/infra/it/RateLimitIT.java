package io.qinglang.infra.it;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.qinglang.infra.it.Fixtures.onboard;
import static io.qinglang.infra.it.Fixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

class RateLimitIT {

    @Test
    void receiptGuessesFromOneAddressAreSlowedWith429AndRetryAfter() {
        Fixtures.TestTenant tenant = onboard("CONSUMER_COMPLAINTS");
        Api.Call guesser = new Api.Call().from("203.0.113.77");
        List<Integer> statuses = new ArrayList<>();
        Api.Response last = null;
        for (int i = 0; i < 25; i++) {
            last = track(tenant, "0000-0000-0000-%04d".formatted(i), guesser);
            statuses.add(last.status());
        }
        assertThat(statuses.subList(0, 20)).containsOnly(404);
        assertThat(statuses.subList(20, 25)).containsOnly(429);
        assertThat(last.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(last.json().get("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
        // Another address is not held back by the first one's guesses.
        assertThat(track(tenant, "0000-0000-0000-0000", new Api.Call().from("203.0.113.78")).status()).isEqualTo(404);
    }

    @Test
    void reportsFromOneAddressAreLimitedPerHourThroughTheApiAndThePortalAlike() {
        Fixtures.TestTenant tenant = onboard("CONSUMER_COMPLAINTS");
        String address = "198.51.100." + (int) (Math.random() * 200 + 20);
        long before = Fixtures.rows("cases", tenant.id());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            statuses.add(Fixtures.submit(tenant, Fixtures.report("web", "product-quality"), new Api.Call().from(address)).status());
        }
        assertThat(statuses).containsOnly(201);
        Api.Response refused = Fixtures.submit(tenant, Fixtures.report("web", "product-quality"), new Api.Call().from(address));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
        Api.Response page = Fixtures.api().postForm("/t/" + tenant.slug() + "/report",
                java.util.Map.of("csrf", "t".repeat(43), "category", "product-quality"), List.of(),
                new Api.Call().from(address).header("Cookie", "qinglang_csrf=" + "t".repeat(43)));
        assertThat(page.status()).as("the form is held back too").isEqualTo(429);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(Fixtures.rows("cases", tenant.id())).isEqualTo(before + 30);
        assertThat(Fixtures.submit(tenant, Fixtures.report("web", "product-quality"), Api.Call.anonymous()).status())
                .as("another address is not held back").isEqualTo(201);
    }
}
