package io.qinglang.infra.server;

import io.qinglang.admin.console.application.ConsoleSessions;
import io.qinglang.admin.disclosure.application.DisclosureGeneration;
import io.qinglang.admin.disclosure.application.DisclosureWorker;
import io.qinglang.admin.export.application.ExportMaking;
import io.qinglang.admin.export.application.ExportWorker;
import io.qinglang.admin.onboarding.application.TenantDepartures;
import io.qinglang.admin.health.application.BackgroundJob;
import io.qinglang.admin.health.application.JobRuns;
import io.qinglang.infra.dev.SeedingClock;
import io.qinglang.platform.cases.application.CalendarReminders;
import io.qinglang.platform.cases.application.Escalation;
import io.qinglang.platform.cases.application.Referrals;
import io.qinglang.platform.notifications.application.OutboxDispatcher;
import io.qinglang.platform.retention.application.RetentionPurge;
import io.qinglang.platform.shared.application.SharedCounters;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Runs the periodic work of each node every {@code qinglang.jobs.interval-seconds} (default 60): referrals not yet
 * delivered, deadline escalation, the notification outbox, then the disclosure reports due after a period closed
 * (queued once whichever node asks, made on the node's report thread); and hourly the reminders to add next year's
 * working calendar (each year's reminder is recorded once, so concurrent nodes never send two) and the retention
 * purge of ended cases (claimed with {@code SKIP LOCKED}). Every node may run them: escalation and the outbox
 * claim rows with {@code SKIP LOCKED}, and a referral is created at most once at the receiving body, so nothing
 * is done twice. Each run is reported to {@link JobRuns}, which the operator's health page reads.
 * {@code qinglang.jobs.enabled=false} turns them off on this node (tests drive them by hand);
 * {@code qinglang.jobs.only} (job names, comma-separated, e.g. {@code outbox,disclosure}) runs only those here, for a
 * deployment that keeps some nodes for requests; the disclosure job also wakes the node's export worker.
 */
@ApplicationScoped
public class BackgroundJobs {

    private static final Logger LOG = Logger.getLogger(BackgroundJobs.class.getName());
    private static final Duration HOURLY = Duration.ofHours(1);

    private final Escalation escalation;
    private final OutboxDispatcher outbox;
    private final Referrals referrals;
    private final CalendarReminders reminders;
    private final DisclosureGeneration disclosure;
    private final DisclosureWorker disclosureWorker;
    private final ConsoleSessions sessions;
    private final RetentionPurge retention;
    private final ExportWorker exportWorker;
    private final ExportMaking exports;
    private final TenantDepartures departures;
    private final JobRuns runs;
    private final SharedCounters counters;
    private final Clock clock;
    private volatile Instant remindersDue = Instant.MIN;
    private final boolean enabled;
    private final Set<BackgroundJob> jobs;
    private final long intervalSeconds;
    private ScheduledExecutorService scheduler;

    @Inject
    public BackgroundJobs(Escalation escalation, OutboxDispatcher outbox, Referrals referrals,
                          CalendarReminders reminders, DisclosureGeneration disclosure,
                          DisclosureWorker disclosureWorker, ConsoleSessions sessions, RetentionPurge retention,
                          ExportWorker exportWorker, ExportMaking exports, TenantDepartures departures,
                          JobRuns runs, SharedCounters counters, Clock clock,
                          @ConfigProperty(name = "qinglang.jobs.enabled", defaultValue = "true") boolean enabled,
                          @ConfigProperty(name = "qinglang.jobs.only") Optional<String> only,
                          @ConfigProperty(name = "qinglang.jobs.interval-seconds", defaultValue = "60") long intervalSeconds) {
        this.escalation = escalation;
        this.outbox = outbox;
        this.referrals = referrals;
        this.reminders = reminders;
        this.disclosure = disclosure;
        this.disclosureWorker = disclosureWorker;
        this.sessions = sessions;
        this.retention = retention;
        this.exportWorker = exportWorker;
        this.exports = exports;
        this.departures = departures;
        this.runs = runs;
        this.counters = counters;
        this.clock = clock;
        this.enabled = enabled;
        this.jobs = only.map(BackgroundJobs::jobs).orElse(EnumSet.allOf(BackgroundJob.class));
        this.intervalSeconds = intervalSeconds;
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!enabled) {
            LOG.info("Background jobs are off (qinglang.jobs.enabled=false)");
            return;
        }
        runs.scheduled(Duration.ofSeconds(intervalSeconds));
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("qinglang-jobs").factory());
        scheduler.scheduleWithFixedDelay(this::runOnce, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
        LOG.info("Background jobs every " + intervalSeconds + " s: deadline escalation, notification outbox; "
                + "calendar reminders, forgetting expired console sessions and idle rate limits, and the retention purge hourly"
                + (jobs.size() < BackgroundJob.values().length ? "; on this node only " + jobs : ""));
    }

    /**
     * One round of every job, each on its own through {@link JobRuns} (timed, its failure logged and remembered for the
     * health page, and no stop to the others). Public so that tests can run a round at a moment they choose.
     */
    public void runOnce() {
        if (SeedingClock.seedingNow()) {
            return; // dev mode is writing the demo body's past; escalation and reports wait for the present
        }
        Duration every = Duration.ofSeconds(intervalSeconds);
        int referred = run(BackgroundJob.REFERRALS, every, referrals::deliverPending);
        int alerts = run(BackgroundJob.ESCALATION, every, () -> escalation.run(clock.instant()));
        if (!clock.instant().isBefore(remindersDue)) {
            remindersDue = clock.instant().plus(HOURLY);
            int reminded = run(BackgroundJob.CALENDAR_REMINDERS, HOURLY, () -> reminders.run(clock.instant()));
            if (reminded > 0) {
                LOG.info("Jobs: " + reminded + " calendar reminder(s) queued");
            }
            run(BackgroundJob.SESSIONS, HOURLY, () -> sessions.purgeExpired() + counters.forgetIdle(clock.instant()));
            run(BackgroundJob.RETENTION, HOURLY, () -> retention.run(clock.instant()) + exports.expire()
                    + departures.run());
        }
        int sent = run(BackgroundJob.OUTBOX, every, () -> outbox.dispatch(clock.instant()));
        if (referred > 0 || alerts > 0 || sent > 0) {
            LOG.info("Jobs: " + referred + " referral(s) delivered, " + alerts + " deadline alert(s) raised, "
                    + sent + " notification(s) sent");
        }
        run(BackgroundJob.DISCLOSURE, every, () -> {
            int queued = disclosure.schedule();
            // queued reports (scheduled, asked for on another node, or left by a node that stopped) are made here too
            disclosureWorker.wake();
            return queued;
        });
        if (jobs.contains(BackgroundJob.DISCLOSURE)) {
            // exports asked for on another node, or left by a node that stopped, are made here too
            exportWorker.wake();
        }
    }

    /** Runs {@code job} through {@link JobRuns} if this node runs it; returns what it did (0 if not here). */
    private int run(BackgroundJob job, Duration every, java.util.function.IntSupplier work) {
        return jobs.contains(job) ? runs.run(job, every, work) : 0;
    }

    /** The jobs named in {@code qinglang.jobs.only}; a name that is no job stops the start with the names there are. */
    static Set<BackgroundJob> jobs(String only) {
        Set<BackgroundJob> named = EnumSet.noneOf(BackgroundJob.class);
        for (String name : only.split(",")) {
            String job = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                named.add(BackgroundJob.valueOf(job));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("qinglang.jobs.only: \"" + name.strip() + "\" is not a job; the jobs are "
                        + Arrays.stream(BackgroundJob.values()).map(j -> j.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .collect(Collectors.joining(", ")), e);
            }
        }
        return named;
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
