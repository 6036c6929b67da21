package io.qinglang.infra.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.qinglang.admin.health.application.BackgroundJob;
import io.qinglang.admin.health.application.JobRuns;
import io.qinglang.infra.persistence.SqlJobBacklog;
import io.qinglang.platform.cases.application.CaseQueues;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantProfile;
import io.qinglang.platform.tenants.domain.TenantRepository;
import io.qinglang.platform.tenants.domain.TenantTemplate;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformFiguresTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final MovingClock clock = new MovingClock();
    private final List<Tenant> bodies = new ArrayList<>();
    private final Map<TenantId, CaseQueues.Load> loads = new HashMap<>();
    private final Map<TenantId, Map<BackgroundJob, SqlJobBacklog.Queue>> queues = new HashMap<>();
    private final List<TenantId> scopes = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private int reads;
    private boolean databaseDown;
    private final PlatformFigures figures = new PlatformFigures(new Scoped(), new Listed(), new Loads(), new Queues(),
            new JobRuns(clock), clock, Duration.ofSeconds(15), registry);

    @Test
    void eachBodysFiguresAreReadInItsOwnTenantScopeAndLabelledBySlug() {
        TenantId a = body("a-body", 3, 1, 2);
        TenantId b = body("b-body", 0, 0, 0);

        figures.refreshIfStale();

        assertThat(scopes).containsExactlyInAnyOrder(a, b);
        assertThat(gauge("qinglang.cases.open", "tenant", "a-body")).isEqualTo(3);
        assertThat(gauge("qinglang.cases.overdue", "tenant", "a-body")).isEqualTo(1);
        assertThat(gauge("qinglang.mails.waiting", "tenant", "a-body")).isEqualTo(2);
        assertThat(gauge("qinglang.cases.open", "tenant", "b-body")).isZero();
        assertThat(gauge("qinglang.jobs.backlog", "job", "outbox")).isEqualTo(2);
        assertThat(gauge("qinglang.jobs.backlog.oldest", "job", "outbox")).isEqualTo(600);
        assertThat(gauge("qinglang.jobs.backlog.oldest", "job", "escalation")).isZero();
        assertThat(registry.find("qinglang.jobs.backlog").tag("job", "sessions").gauge()).as("no backlog").isNull();
    }

    @Test
    void theDatabaseIsReadAtMostOncePerIntervalHoweverOftenTheMetricsAreScraped() {
        TenantId a = body("a-body", 3, 1, 2);
        figures.refreshIfStale();
        loads.put(a, new CaseQueues.Load(4, 1));

        clock.move(Duration.ofSeconds(10));
        figures.refreshIfStale();
        assertThat(reads).isEqualTo(1);
        assertThat(gauge("qinglang.cases.open", "tenant", "a-body")).isEqualTo(3);
        assertThat(gauge("qinglang.figures.age", "", "")).isEqualTo(10);

        clock.move(Duration.ofSeconds(5));
        figures.refreshIfStale();
        assertThat(reads).isEqualTo(2);
        assertThat(gauge("qinglang.cases.open", "tenant", "a-body")).isEqualTo(4);
        assertThat(gauge("qinglang.figures.age", "", "")).isZero();
    }

    @Test
    void aNewBodyIsMeasuredFromTheNextReadAndABodyGoneNoLonger() {
        body("a-body", 1, 0, 0);
        figures.refreshIfStale();
        bodies.clear();
        body("b-body", 2, 0, 0);

        clock.move(Duration.ofSeconds(15));
        figures.refreshIfStale();

        assertThat(gauge("qinglang.cases.open", "tenant", "b-body")).isEqualTo(2);
        assertThat(registry.find("qinglang.cases.open").tag("tenant", "a-body").gauge()).isNull();
        assertThat(registry.find("qinglang.mails.waiting").tag("tenant", "a-body").gauge()).isNull();
    }

    @Test
    void whenTheDatabaseFailsTheLastFiguresStandAndAgeAndItIsNotAskedAgainAtOnce() {
        body("a-body", 3, 1, 2);
        figures.refreshIfStale();
        databaseDown = true;

        clock.move(Duration.ofSeconds(20));
        figures.refreshIfStale();
        figures.refreshIfStale();

        assertThat(reads).isEqualTo(2);
        assertThat(gauge("qinglang.cases.open", "tenant", "a-body")).isEqualTo(3);
        assertThat(gauge("qinglang.figures.age", "", "")).isEqualTo(20);
    }

    @Test
    void theJobsLastRunsOnThisNodeAreShownAsTheyWereReported() {
        JobRuns runs = new JobRuns(clock);
        PlatformFigures withRuns = new PlatformFigures(new Scoped(), new Listed(), new Loads(), new Queues(), runs, clock,
                Duration.ofSeconds(15), registry);
        runs.run(BackgroundJob.OUTBOX, Duration.ofMinutes(1), () -> {
            throw new IllegalStateException("no mail server");
        });

        withRuns.refreshIfStale();

        assertThat(gauge("qinglang.jobs.last.run.timestamp", "job", "outbox")).isEqualTo(START.getEpochSecond());
        assertThat(gauge("qinglang.jobs.last.run.failed", "job", "outbox")).isEqualTo(1);
        assertThat(gauge("qinglang.jobs.last.run.timestamp", "job", "escalation")).isNaN();
        assertThat(gauge("qinglang.jobs.last.run.failed", "job", "escalation")).isZero();
    }

    private TenantId body(String slug, long open, long overdue, long mails) {
        TenantId id = TenantId.random();
        bodies.add(new Tenant(id, new TenantProfile(slug, "机构", "Body", ZoneId.of("Asia/Shanghai"), "a@b.example", null),
                TenantTemplate.INTERNET_CONTENT, new byte[32], START));
        loads.put(id, new CaseQueues.Load(open, overdue));
        queues.put(id, Map.of(BackgroundJob.OUTBOX, new SqlJobBacklog.Queue(mails, mails == 0 ? null
                : START.minusSeconds(600)), BackgroundJob.ESCALATION, new SqlJobBacklog.Queue(0, null)));
        return id;
    }

    private double gauge(String name, String tag, String value) {
        var search = registry.get(name);
        return (tag.isEmpty() ? search : search.tag(tag, value)).gauge().value();
    }

    private final class Scoped implements TenantTransactions {
        @Override
        public <T> T inTenant(TenantId tenant, Supplier<T> work) {
            scopes.add(tenant);
            return work.get();
        }

        @Override
        public <T> T platform(Supplier<T> work) {
            reads++;
            if (databaseDown) {
                throw new IllegalStateException("the database is unavailable");
            }
            return work.get();
        }
    }

    private final class Listed implements TenantRepository {
        @Override
        public void add(Tenant tenant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Tenant> find(TenantId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Tenant> findBySlug(String slug) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Tenant> list() {
            return List.copyOf(bodies);
        }
    }

    /** A body's load as the case queues count it, asked for the body in scope only. */
    private final class Loads extends CaseQueues {
        Loads() {
            super(null, null, null, clock);
        }

        @Override
        public Load load(TenantId tenant) {
            return loads.get(tenant);
        }
    }

    private final class Queues extends SqlJobBacklog {
        Queues() {
            super(null);
        }

        @Override
        public Map<BackgroundJob, Queue> queues(Instant now) {
            return queues.get(scopes.getLast());
        }
    }

    private static final class MovingClock extends Clock {
        private Instant now = START;

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
