package io.qinglang.benchmarks;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Intake through the platform with no report being made against the same intake while the node makes yearly
 * disclosure reports of the 1,000,000-case tenant back to back: what report generation takes from reporters. The
 * quiet side is measured first, so that the warming up of a run favours the side with reports, not the other way.
 */
final class IntakeWhileReportingScenario extends IntakeTwoWays {

    private final ReportGeneration reports;
    private final String period;
    private final AtomicBoolean reporting = new AtomicBoolean();
    private final AtomicInteger made = new AtomicInteger();
    private volatile Exception failure;
    private Thread reporter;

    IntakeWhileReportingScenario(PlatformClient client, BenchTenant tenant, ReportGeneration reports, String period) {
        super(client, tenant, "intake+report", "no report made", "reports made");
        this.reports = reports;
        this.period = period;
    }

    @Override
    public void beforeBaseline() {
        reporting.set(true);
        reporter = Thread.ofPlatform().name("bench-reports").start(() -> {
            while (reporting.get()) {
                try {
                    reports.make(period);
                    made.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    failure = e;
                    return;
                }
            }
        });
    }

    /** Stops the reports; a report that failed means the second side was not measured as it says, and fails the run. */
    @Override
    public void after() throws Exception {
        reporting.set(false);
        if (reporter != null) {
            reporter.join();
            Benchmark.progress(made.get() + " yearly report(s) made while intake was measured");
        }
        if (failure != null) {
            throw new IllegalStateException("a report failed while intake was measured: " + failure.getMessage(), failure);
        }
    }
}
