package io.qinglang.infra.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The requests' durations as one histogram per method, route template and status ({@code qinglang_http_requests_seconds}).
 * Every label comes from a small set: the route is the template a resource declares, a method HTTP does not define is
 * {@code OTHER}; each timer is made once and then only looked up, so a request pays for a map lookup and a record.
 */
@ApplicationScoped
public class RequestTimers {

    static final String NAME = "qinglang.http.requests";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** From a page served from memory to a report with its evidence uploaded over a slow line. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private record Key(String method, String route, int status) {
    }

    private final MeterRegistry registry;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    @Inject
    public RequestTimers() {
        this(Metrics.globalRegistry);
    }

    RequestTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String method, String route, int status, long nanos) {
        Key key = new Key(METHODS.contains(method) ? method : "OTHER", route, status);
        timers.computeIfAbsent(key, this::timer).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Key key) {
        return Timer.builder(NAME).description("HTTP requests by method, route template and status")
                .tag("method", key.method()).tag("route", key.route()).tag("status", String.valueOf(key.status()))
                .serviceLevelObjectives(BUCKETS).register(registry);
    }
}
