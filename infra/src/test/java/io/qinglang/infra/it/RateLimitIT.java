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
}
