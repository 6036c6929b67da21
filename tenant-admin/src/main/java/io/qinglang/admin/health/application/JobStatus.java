package io.qinglang.admin.health.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A background job as the health page shows it: its last run on this node, its backlog across the platform (null
 * when it has none, or it could not be counted), and a state: {@code OK}; {@code FAILED} (the last run failed);
 * {@code LATE} (no run for three of its periods); {@code WAITING} (scheduled, not run yet); {@code OFF} (the jobs do
 * not run on this node).
 */
public record JobStatus(BackgroundJob job, JobRun last, Long backlog, State state) {

    public enum State { OK, FAILED, LATE, WAITING, OFF }

    public static JobStatus of(BackgroundJob job, Optional<JobRun> last, Optional<Duration> schedule, Long backlog,
                               Instant now) {
        return new JobStatus(job, last.orElse(null), backlog, state(last, schedule, now));
    }

    static State state(Optional<JobRun> last, Optional<Duration> schedule, Instant now) {
        if (last.isEmpty()) {
            return schedule.isPresent() ? State.WAITING : State.OFF;
        }
        JobRun run = last.get();
        if (!run.ok()) {
            return State.FAILED;
        }
        Duration period = schedule.map(s -> s.compareTo(run.every()) > 0 ? s : run.every()).orElse(null);
        return period != null && run.startedAt().plus(period.multipliedBy(3)).isBefore(now) ? State.LATE : State.OK;
    }

    public boolean problem() {
        return state == State.FAILED || state == State.LATE;
    }
}
