package io.qinglang.infra.server;

import io.qinglang.admin.health.application.BackgroundJob;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundJobsTest {

    @Test
    void theJobsANodeRunsAreNamedAsTheHealthPageNamesThem() {
        assertThat(BackgroundJobs.jobs("outbox")).containsExactly(BackgroundJob.OUTBOX);
        assertThat(BackgroundJobs.jobs(" Disclosure , calendar-reminders,RETENTION"))
                .containsExactlyInAnyOrder(BackgroundJob.DISCLOSURE, BackgroundJob.CALENDAR_REMINDERS, BackgroundJob.RETENTION);
    }

    @Test
    void aNameThatIsNoJobStopsTheStartAndSaysWhichNamesThereAre() {
        assertThatThrownBy(() -> BackgroundJobs.jobs("outbox,mail")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("qinglang.jobs.only: \"mail\" is not a job; the jobs are referrals, escalation, outbox, "
                        + "disclosure, calendar-reminders, sessions, retention, audit");
        assertThatThrownBy(() -> BackgroundJobs.jobs("")).hasMessageStartingWith("qinglang.jobs.only: \"\" is not a job");
    }
}
