package io.qinglang.infra.metrics;

import io.qinglang.admin.health.application.BackgroundJob;
import io.qinglang.infra.persistence.SqlJobBacklog;
import io.qinglang.platform.cases.application.CaseQueues;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FigureSnapshotTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void aJobsBacklogIsSummedOverTheBodiesAndItsAgeIsThatOfTheOldestItemAnywhere() {
        FigureSnapshot figures = new FigureSnapshot(AT, Map.of(
                "a", body(new SqlJobBacklog.Queue(2, AT.minusSeconds(30))),
                "b", body(new SqlJobBacklog.Queue(5, AT.minusSeconds(90))),
                "c", body(new SqlJobBacklog.Queue(0, null))));

        assertThat(figures.waiting(BackgroundJob.OUTBOX)).isEqualTo(7);
        assertThat(figures.oldestAgeSeconds(BackgroundJob.OUTBOX)).isEqualTo(90);
        assertThat(figures.body("b", FigureSnapshot.Body::mailsWaiting)).isEqualTo(5);
    }

    @Test
    void nothingWaitingIsAgeZeroAndNothingReadYetIsNotANumber() {
        FigureSnapshot empty = new FigureSnapshot(AT, Map.of("a", body(new SqlJobBacklog.Queue(0, null))));
        assertThat(empty.oldestAgeSeconds(BackgroundJob.OUTBOX)).isZero();
        assertThat(empty.oldestAgeSeconds(BackgroundJob.AUDIT)).isZero();
        assertThat(empty.body("gone", FigureSnapshot.Body::open)).isNaN();

        assertThat(FigureSnapshot.NONE.waiting(BackgroundJob.OUTBOX)).isNaN();
        assertThat(FigureSnapshot.NONE.ageSeconds(AT)).isNaN();
    }

    @Test
    void jobsAreLabelledAsTheConfigurationNamesThem() {
        assertThat(FigureSnapshot.label(BackgroundJob.CALENDAR_REMINDERS)).isEqualTo("calendar-reminders");
        assertThat(FigureSnapshot.label(BackgroundJob.OUTBOX)).isEqualTo("outbox");
    }

    private static FigureSnapshot.Body body(SqlJobBacklog.Queue outbox) {
        return new FigureSnapshot.Body(new CaseQueues.Load(1, 0), Map.of(BackgroundJob.OUTBOX, outbox));
    }
}
