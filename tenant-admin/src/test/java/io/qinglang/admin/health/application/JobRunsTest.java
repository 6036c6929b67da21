package io.qinglang.admin.health.application;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JobRunsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final JobRuns runs = new JobRuns(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aRunIsRememberedWithWhatItDid() {
        assertThat(runs.run(BackgroundJob.OUTBOX, MINUTE, () -> 3)).isEqualTo(3);
        JobRun run = runs.last(BackgroundJob.OUTBOX).orElseThrow();
        assertThat(run.ok()).isTrue();
        assertThat(run.done()).isEqualTo(3);
        assertThat(run.startedAt()).isEqualTo(NOW);
        assertThat(runs.last(BackgroundJob.ESCALATION)).isEmpty();
    }

    @Test
    void aFailingJobIsCaughtAndRememberedSoTheOthersStillRun() {
        int done = runs.run(BackgroundJob.ESCALATION, MINUTE, () -> {
            throw new IllegalStateException("database went away");
        });
        assertThat(done).isZero();
        assertThat(runs.last(BackgroundJob.ESCALATION).orElseThrow().failure())
                .isEqualTo("IllegalStateException: database went away");
        runs.run(BackgroundJob.OUTBOX, MINUTE, () -> 1);
        assertThat(runs.last(BackgroundJob.OUTBOX).orElseThrow().ok()).isTrue();
    }

    @Test
    void aJobsStateFollowsItsLastRunAndSchedule() {
        Optional<Duration> scheduled = Optional.of(MINUTE);
        assertThat(JobStatus.state(Optional.empty(), Optional.empty(), NOW)).isEqualTo(JobStatus.State.OFF);
        assertThat(JobStatus.state(Optional.empty(), scheduled, NOW)).isEqualTo(JobStatus.State.WAITING);
        JobRun ok = new JobRun(BackgroundJob.OUTBOX, NOW.minusSeconds(30), Duration.ofMillis(5), 0, null, MINUTE);
        JobRun failed = new JobRun(BackgroundJob.OUTBOX, NOW.minusSeconds(30), Duration.ofMillis(5), 0, "boom", MINUTE);
        JobRun old = new JobRun(BackgroundJob.OUTBOX, NOW.minus(Duration.ofMinutes(4)), Duration.ofMillis(5), 0, null,
                MINUTE);
        assertThat(JobStatus.state(Optional.of(ok), scheduled, NOW)).isEqualTo(JobStatus.State.OK);
        assertThat(JobStatus.state(Optional.of(failed), scheduled, NOW)).isEqualTo(JobStatus.State.FAILED);
        assertThat(JobStatus.state(Optional.of(old), scheduled, NOW)).isEqualTo(JobStatus.State.LATE);
        assertThat(JobStatus.state(Optional.of(old), Optional.empty(), NOW)).as("run by hand, jobs off: not late")
                .isEqualTo(JobStatus.State.OK);
        JobRun hourly = new JobRun(BackgroundJob.SESSIONS, NOW.minus(Duration.ofMinutes(50)), Duration.ZERO, 0, null,
                Duration.ofHours(1));
        assertThat(JobStatus.state(Optional.of(hourly), scheduled, NOW)).as("an hourly job by its own period")
                .isEqualTo(JobStatus.State.OK);
    }
}
