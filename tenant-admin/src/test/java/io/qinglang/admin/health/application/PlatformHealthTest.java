package io.qinglang.admin.health.application;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformHealthTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final JobRuns runs = new JobRuns(CLOCK);

    private static DependencyCheck check(String name, Supplier<String> answer) {
        return new DependencyCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String check() {
                return answer.get();
            }
        };
    }

    private PlatformHealth health(List<DependencyCheck> checks, JobBacklog backlog, int tenants) {
        List<Tenant> all = java.util.stream.IntStream.range(0, tenants).mapToObj(i -> new Tenant(TenantId.random(),
                new TenantProfile("body-" + i, "机构", "Body", ZoneId.of("Asia/Shanghai"), "a@b.example", null),
                TenantTemplate.INTERNET_CONTENT, new byte[32], NOW)).toList();
        return new PlatformHealth(checks, runs, backlog, new Direct(), new Listed(all), CLOCK, Duration.ofMillis(500));
    }

    @Test
    void everyCheckIsAskedAndTimedAndAFailureIsAProblemNotAnError() {
        HealthReport report = health(List.of(check("mail", () -> {
            throw new IllegalStateException("localhost:25 answered 554 where 250 was due");
        }), check("database", () -> "PostgreSQL 17.2")), now -> Map.of(), 0).report();

        assertThat(report.checks()).extracting(CheckOutcome::name).containsExactly("database", "mail");
        assertThat(report.checks().get(0)).satisfies(c -> {
            assertThat(c.ok()).isTrue();
            assertThat(c.detail()).isEqualTo("PostgreSQL 17.2");
        });
        assertThat(report.checks().get(1)).satisfies(c -> {
            assertThat(c.ok()).isFalse();
            assertThat(c.detail()).contains("554");
        });
        assertThat(report.allWell()).isFalse();
    }

    @Test
    void anOverviewReusesAnswersYoungerThanHalfAMinute() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        PlatformHealth health = health(List.of(check("mail", () -> "answered EHLO " + asked.incrementAndGet())),
                now -> Map.of(), 0);
        assertThat(health.recentDependencies().getFirst().detail()).isEqualTo("answered EHLO 1");
        assertThat(health.recentDependencies().getFirst().detail()).as("the clock stands: reused").isEqualTo("answered EHLO 1");
        assertThat(health.dependencies().getFirst().detail()).as("asked anew when asked for").isEqualTo("answered EHLO 2");
        assertThat(asked).hasValue(2);
    }

    @Test
    void aCheckThatDoesNotAnswerInTimeIsCutOff() {
        long start = System.nanoTime();
        HealthReport report = health(List.of(check("keycloak", () -> {
            try {
                new java.util.concurrent.CountDownLatch(1).await(); // hangs until the cut-off interrupts it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        })), now -> Map.of(), 0).report();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(report.checks().getFirst().ok()).isFalse();
        assertThat(report.checks().getFirst().detail()).isEqualTo("no answer within 500 ms");
    }

    @Test
    void backlogsAreSummedOverTenantsAndEveryJobIsListed() {
        runs.run(BackgroundJob.OUTBOX, Duration.ofMinutes(1), () -> 2);
        HealthReport report = health(List.of(check("database", () -> "ok")),
                now -> Map.of(BackgroundJob.OUTBOX, 2L, BackgroundJob.ESCALATION, 1L), 3).report();

        assertThat(report.jobs()).extracting(JobStatus::job).containsExactly(BackgroundJob.values());
        JobStatus outbox = report.jobs().stream().filter(j -> j.job() == BackgroundJob.OUTBOX).findFirst().orElseThrow();
        assertThat(outbox.backlog()).isEqualTo(6L);
        assertThat(outbox.state()).isEqualTo(JobStatus.State.OK);
        assertThat(report.jobs().stream().filter(j -> j.job() == BackgroundJob.SESSIONS).findFirst().orElseThrow()
                .state()).isEqualTo(JobStatus.State.OFF);
        assertThat(report.allWell()).isTrue();
    }

    @Test
    void aFailedJobMakesTheReportUnwell() {
        runs.run(BackgroundJob.DISCLOSURE, Duration.ofMinutes(1), () -> {
            throw new IllegalStateException("no fonts");
        });
        assertThat(health(List.of(), now -> Map.of(), 0).report().allWell()).isFalse();
    }

    /** Transactions that just run the work (no database here). */
    private static final class Direct implements TenantTransactions {
        @Override
        public <T> T inTenant(TenantId tenant, Supplier<T> work) {
            return work.get();
        }

        @Override
        public <T> T platform(Supplier<T> work) {
            return work.get();
        }
    }

    private record Listed(List<Tenant> tenants) implements TenantRepository {
        @Override
        public void add(Tenant tenant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Tenant> find(TenantId id) {
            return tenants.stream().filter(t -> t.id().equals(id)).findFirst();
        }

        @Override
        public Optional<Tenant> findBySlug(String slug) {
            return tenants.stream().filter(t -> t.slug().equals(slug)).findFirst();
        }

        @Override
        public List<Tenant> list() {
            return tenants;
        }
    }
}
