package io.qinglang.infra.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.qinglang.admin.health.application.BackgroundJob;
import io.qinglang.admin.health.application.JobRuns;
import io.qinglang.infra.persistence.SqlJobBacklog;
import io.qinglang.platform.cases.application.CaseQueues;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The figures only the database knows, read when metrics are scraped and at most every
 * {@code qinglang.metrics.figures-seconds} (default 15): each body's open and overdue cases and mails waiting, and
 * each background job's backlog over every body with the age of its oldest item. They are counted as the operator's
 * health page counts them: the list of bodies as platform data, then each body in a transaction of its own tenant
 * scope, since row-level security shows the application one body at a time. Bodies are named by slug; nothing of a
 * report is read. A refresh that fails keeps the last figures, and {@code qinglang_figures_age_seconds} grows.
 */
@ApplicationScoped
public class PlatformFigures {

    private static final Logger LOG = Logger.getLogger(PlatformFigures.class.getName());

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final CaseQueues queues;
    private final SqlJobBacklog backlog;
    private final JobRuns runs;
    private final Clock clock;
    private final Duration interval;
    private final MeterRegistry registry;
    private final ReentrantLock refreshing = new ReentrantLock();
    private final Map<String, List<Meter>> bodyMeters = new HashMap<>();
    private volatile FigureSnapshot figures = FigureSnapshot.NONE;
    private Instant attempted = Instant.MIN;
    private boolean jobMetersRegistered;

    @Inject
    public PlatformFigures(TenantTransactions transactions, TenantRepository tenants, CaseQueues queues,
                           SqlJobBacklog backlog, JobRuns runs, Clock clock,
                           @ConfigProperty(name = "qinglang.metrics.figures-seconds", defaultValue = "15") long seconds) {
        this(transactions, tenants, queues, backlog, runs, clock, Duration.ofSeconds(seconds), Metrics.globalRegistry);
    }

    PlatformFigures(TenantTransactions transactions, TenantRepository tenants, CaseQueues queues, SqlJobBacklog backlog,
                    JobRuns runs, Clock clock, Duration interval, MeterRegistry registry) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.queues = queues;
        this.backlog = backlog;
        this.runs = runs;
        this.clock = clock;
        this.interval = interval;
        this.registry = registry;
    }

    /** Reads the figures anew if the last read is older than the interval; a scrape meanwhile waits for it. */
    public void refreshIfStale() {
        refreshing.lock();
        try {
            Instant now = clock.instant();
            if (attempted.plus(interval).isAfter(now)) {
                return;
            }
            attempted = now;
            if (!jobMetersRegistered) {
                registerJobMeters();
                jobMetersRegistered = true;
            }
            figures = read(now);
            registerBodyMeters(figures.bodies().keySet());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The figures for the metrics could not be read; the last ones stand", e);
        } finally {
            refreshing.unlock();
        }
    }

    private FigureSnapshot read(Instant now) {
        Map<String, FigureSnapshot.Body> bodies = new HashMap<>();
        for (Tenant tenant : transactions.platform(tenants::list)) {
            bodies.put(tenant.slug(), transactions.inTenant(tenant.id(),
                    () -> new FigureSnapshot.Body(queues.load(tenant.id()), backlog.queues(now))));
        }
        return new FigureSnapshot(now, bodies);
    }

    private void registerJobMeters() {
        for (BackgroundJob job : BackgroundJob.values()) {
            String name = FigureSnapshot.label(job);
            if (job.hasBacklog()) {
                Gauge.builder("qinglang.jobs.backlog", this, f -> f.figures.waiting(job)).tag("job", name)
                        .description("Items waiting for the job, over every body").strongReference(true).register(registry);
                Gauge.builder("qinglang.jobs.backlog.oldest", this, f -> f.figures.oldestAgeSeconds(job)).tag("job", name)
                        .baseUnit("seconds").description("How long the job's oldest waiting item has waited (0: none)")
                        .strongReference(true).register(registry);
            }
            Gauge.builder("qinglang.jobs.last.run.timestamp", this, f -> f.lastRun(job)).tag("job", name).baseUnit("seconds")
                    .description("When the job last began on this node (NaN: not yet)").strongReference(true).register(registry);
            Gauge.builder("qinglang.jobs.last.run.failed", this, f -> f.lastRunFailed(job)).tag("job", name)
                    .description("1 if the job's last run on this node failed").strongReference(true).register(registry);
        }
        Gauge.builder("qinglang.figures.age", this, f -> f.figures.ageSeconds(clock.instant())).baseUnit("seconds")
                .description("Age of the figures read from the database").strongReference(true).register(registry);
    }

    private void registerBodyMeters(Set<String> slugs) {
        bodyMeters.keySet().removeIf(slug -> {
            boolean gone = !slugs.contains(slug);
            if (gone) {
                bodyMeters.get(slug).forEach(registry::remove);
            }
            return gone;
        });
        for (String slug : slugs) {
            bodyMeters.computeIfAbsent(slug, s -> List.of(
                    bodyGauge("qinglang.cases.open", s, "Open cases of the body", FigureSnapshot.Body::open),
                    bodyGauge("qinglang.cases.overdue", s, "Open cases of the body with a stage past its deadline",
                            FigureSnapshot.Body::overdue),
                    bodyGauge("qinglang.mails.waiting", s, "Notifications of the body not sent yet (the outbox)",
                            FigureSnapshot.Body::mailsWaiting)));
        }
    }

    private Meter bodyGauge(String name, String slug, String description,
                            ToLongFunction<FigureSnapshot.Body> figure) {
        return Gauge.builder(name, this, f -> f.figures.body(slug, figure)).tag("tenant", slug).description(description)
                .strongReference(true).register(registry);
    }

    private double lastRun(BackgroundJob job) {
        return runs.last(job).map(run -> run.startedAt().toEpochMilli() / 1000.0).orElse(Double.NaN);
    }

    private double lastRunFailed(BackgroundJob job) {
        return runs.last(job).map(run -> run.ok() ? 0.0 : 1.0).orElse(0.0);
    }
}
