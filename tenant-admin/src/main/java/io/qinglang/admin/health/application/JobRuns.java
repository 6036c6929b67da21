package io.qinglang.admin.health.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last run of each background job on this node, as the jobs report it (kept in memory: a node that restarted has
 * not run anything yet). A job run through here is timed and its failure caught, logged and remembered, so one failing
 * job neither stops the others nor goes unseen.
 */
@ApplicationScoped
public class JobRuns {

    private static final Logger LOG = Logger.getLogger(JobRuns.class.getName());

    private final Clock clock;
    private final Map<BackgroundJob, JobRun> last = new ConcurrentHashMap<>();
    private volatile Duration scheduledEvery;

    @Inject
    public JobRuns(Clock clock) {
        this.clock = clock;
    }

    /** The jobs were started on this node, to run every {@code interval}. */
    public void scheduled(Duration interval) {
        this.scheduledEvery = interval;
    }

    /** How often the jobs run on this node, if they run at all. */
    public Optional<Duration> schedule() {
        return Optional.ofNullable(scheduledEvery);
    }

    /** Runs {@code work} as {@code job} (meant to run every {@code every}); returns what it did, 0 if it failed. */
    public int run(BackgroundJob job, Duration every, IntSupplier work) {
        Instant start = clock.instant();
        try {
            int done = work.getAsInt();
            last.put(job, new JobRun(job, start, Duration.between(start, clock.instant()), done, null, every));
            return done;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The background job " + job.name().toLowerCase(java.util.Locale.ROOT) + " failed; the next run tries again", e);
            String failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            last.put(job, new JobRun(job, start, Duration.between(start, clock.instant()), 0, failure, every));
            return 0;
        }
    }

    public Optional<JobRun> last(BackgroundJob job) {
        return Optional.ofNullable(last.get(job));
    }
}
