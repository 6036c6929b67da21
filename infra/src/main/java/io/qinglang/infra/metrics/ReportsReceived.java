package io.qinglang.infra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.qinglang.platform.cases.application.ReportRegistered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts the reports each body received on this node since it started ({@code qinglang_reports_received_total}, by
 * body slug and origin, {@code public} or {@code staff}), once the registering transaction committed: a report whose
 * transaction rolled back was not received, and a retry answered from its idempotency record is not a new one.
 */
@ApplicationScoped
public class ReportsReceived {

    static final String NAME = "qinglang.reports.received";

    private final MeterRegistry registry;
    private final ConcurrentMap<ReportRegistered, Counter> counters = new ConcurrentHashMap<>();

    @Inject
    public ReportsReceived() {
        this(Metrics.globalRegistry);
    }

    ReportsReceived(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReportRegistered report) {
        counters.computeIfAbsent(report, r -> Counter.builder(NAME).description("Reports registered, by body and origin")
                .tag("tenant", r.tenantSlug()).tag("origin", r.byStaff() ? "staff" : "public").register(registry))
                .increment();
    }
}
