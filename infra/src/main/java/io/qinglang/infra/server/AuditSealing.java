package io.qinglang.infra.server;

import io.qinglang.admin.health.application.BackgroundJob;
import io.qinglang.admin.health.application.JobRuns;
import io.qinglang.platform.audit.application.AuditSequencer;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Seals waiting audit events into each body's chain every {@code qinglang.audit.seal-interval-ms} (default 1000), on
 * every node that runs the {@code audit} job (all, unless {@code qinglang.jobs.only} leaves it out): a body's chain is
 * sealed by one node at a time, the others skip it. Unlike the other jobs it also runs where
 * {@code qinglang.jobs.enabled=false}, since what staff and auditors read must be sealed within seconds; 0 turns it
 * off on this node. After a failed run (the database away) it waits longer each time, up to 30 s.
 */
@ApplicationScoped
public class AuditSealing {

    private static final Logger LOG = Logger.getLogger(AuditSealing.class.getName());
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final AuditSequencer sequencer;
    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final JobRuns runs;
    private final long intervalMillis;
    private final boolean here;
    private ScheduledExecutorService scheduler;
    private long backoffMillis;
    private long nextAttempt;

    @Inject
    public AuditSealing(AuditSequencer sequencer, TenantTransactions transactions, TenantRepository tenants, JobRuns runs,
                        @ConfigProperty(name = "qinglang.audit.seal-interval-ms", defaultValue = "1000") long intervalMillis,
                        @ConfigProperty(name = "qinglang.jobs.only") Optional<String> only) {
        this.sequencer = sequencer;
        this.transactions = transactions;
        this.tenants = tenants;
        this.runs = runs;
        this.intervalMillis = intervalMillis;
        this.here = only.map(BackgroundJobs::jobs).map(jobs -> jobs.contains(BackgroundJob.AUDIT)).orElse(true);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (intervalMillis <= 0 || !here) {
            LOG.info("Audit events are not sealed on this node (" + (here ? "qinglang.audit.seal-interval-ms="
                    + intervalMillis : "qinglang.jobs.only leaves out audit") + "); another node must seal them");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("qinglang-audit-sealing").factory());
        scheduler.scheduleWithFixedDelay(this::runOnce, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        long now = System.nanoTime() / 1_000_000;
        if (now < nextAttempt) {
            return;
        }
        runs.run(BackgroundJob.AUDIT, Duration.ofMillis(intervalMillis), () -> sequencer.sealWaiting(
                transactions.platform(tenants::list).stream().map(Tenant::id).toList()));
        boolean failed = runs.last(BackgroundJob.AUDIT).map(run -> !run.ok()).orElse(false);
        backoffMillis = failed ? Math.min(MAX_BACKOFF_MILLIS, Math.max(intervalMillis, backoffMillis * 2)) : 0;
        nextAttempt = now + backoffMillis;
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
