package io.qinglang.infra.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTimersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RequestTimers timers = new RequestTimers(registry);

    @Test
    void eachMethodRouteAndStatusHasItsHistogram() {
        timers.record("POST", "/api/v1/tenants/{tenant}/reports", 201, TimeUnit.MILLISECONDS.toNanos(30));
        timers.record("POST", "/api/v1/tenants/{tenant}/reports", 201, TimeUnit.MILLISECONDS.toNanos(700));
        timers.record("POST", "/api/v1/tenants/{tenant}/reports", 429, TimeUnit.MILLISECONDS.toNanos(1));

        Timer created = timer("POST", "/api/v1/tenants/{tenant}/reports", "201");
        assertThat(created.count()).isEqualTo(2);
        assertThat(created.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(730);
        assertThat(created.takeSnapshot().histogramCounts()).hasSize(11)
                .anySatisfy(bucket -> {
                    assertThat(bucket.bucket(TimeUnit.MILLISECONDS)).isEqualTo(50);
                    assertThat(bucket.count()).isEqualTo(1);
                });
        assertThat(timer("POST", "/api/v1/tenants/{tenant}/reports", "429").count()).isEqualTo(1);
    }

    @Test
    void aMethodHttpDoesNotDefineCountsAsOther() {
        timers.record("PROPFIND", "unmatched", 405, 1_000);
        timers.record("get", "unmatched", 405, 1_000);

        assertThat(timer("OTHER", "unmatched", "405").count()).isEqualTo(2);
        assertThat(registry.find(RequestTimers.NAME).tag("method", "PROPFIND").timer()).isNull();
    }

    private Timer timer(String method, String route, String status) {
        return registry.get(RequestTimers.NAME).tag("method", method).tag("route", route).tag("status", status).timer();
    }
}
