package io.qinglang.infra.metrics;

import io.qinglang.admin.health.application.BackgroundJob;
import io.qinglang.infra.persistence.SqlJobBacklog;
import io.qinglang.platform.cases.application.CaseQueues;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

/** The database's figures as read at {@code at}: each body's, by slug (see {@link PlatformFigures}). */
record FigureSnapshot(Instant at, Map<String, Body> bodies) {

    static final FigureSnapshot NONE = new FigureSnapshot(null, Map.of());

    /** One body's load and the work waiting for each job in it. */
    record Body(CaseQueues.Load load, Map<BackgroundJob, SqlJobBacklog.Queue> queues) {

        long open() {
            return load.open();
        }

        long overdue() {
            return load.overdue();
        }

        long mailsWaiting() {
            return waiting(BackgroundJob.OUTBOX);
        }

        long waiting(BackgroundJob job) {
            SqlJobBacklog.Queue queue = queues.get(job);
            return queue == null ? 0 : queue.waiting();
        }
    }

    /** A job as labels and configuration name it: {@code calendar-reminders}. */
    static String label(BackgroundJob job) {
        return job.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    double body(String slug, ToLongFunction<Body> figure) {
        Body body = bodies.get(slug);
        return body == null ? Double.NaN : figure.applyAsLong(body);
    }

    double waiting(BackgroundJob job) {
        return at == null ? Double.NaN : bodies.values().stream().mapToLong(b -> b.waiting(job)).sum();
    }

    /** Seconds from the oldest item waiting for {@code job} in any body to the moment of reading; 0 when none waits. */
    double oldestAgeSeconds(BackgroundJob job) {
        if (at == null) {
            return Double.NaN;
        }
        return bodies.values().stream().map(b -> b.queues().get(job)).filter(Objects::nonNull)
                .map(SqlJobBacklog.Queue::oldest).filter(Objects::nonNull).min(Instant::compareTo)
                .map(oldest -> Math.max(0, Duration.between(oldest, at).toMillis() / 1000.0)).orElse(0.0);
    }

    double ageSeconds(Instant now) {
        return at == null ? Double.NaN : Duration.between(at, now).toMillis() / 1000.0;
    }
}
