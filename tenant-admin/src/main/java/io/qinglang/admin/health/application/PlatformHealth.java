package io.qinglang.admin.health.application;

import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.tenants.domain.TenantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks every {@link DependencyCheck} at once and each background job's state, with the work waiting for it across every
 * tenant. Whatever does not answer within the time allowed, or fails, is a problem on the report, never an error: the
 * page that shows it must stand when what it reports on does not.
 */
@ApplicationScoped
public class PlatformHealth {

    static final Duration ALLOWED = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(PlatformHealth.class.getName());

    private final List<DependencyCheck> checks;
    private final JobRuns runs;
    private final JobBacklog backlog;
    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final Clock clock;
    private final Duration allowed;
    private volatile Asked recent;

    /** How long, in seconds, an answer of the dependencies serves pages that only warn (every admin's overview). */
    static final int RECENT_SECONDS = 30;

    private record Asked(Instant at, List<CheckOutcome> outcomes) {
    }

    @Inject
    public PlatformHealth(Instance<DependencyCheck> checks, JobRuns runs, JobBacklog backlog,
                          TenantTransactions transactions, TenantRepository tenants, Clock clock) {
        this(checks.stream().toList(), runs, backlog, transactions, tenants, clock, ALLOWED);
    }

    PlatformHealth(List<DependencyCheck> checks, JobRuns runs, JobBacklog backlog, TenantTransactions transactions,
                   TenantRepository tenants, Clock clock, Duration allowed) {
        this.checks = checks.stream().sorted(java.util.Comparator.comparing(DependencyCheck::name)).toList();
        this.runs = runs;
        this.backlog = backlog;
        this.transactions = transactions;
        this.tenants = tenants;
        this.clock = clock;
        this.allowed = allowed;
    }

    /**
     * The platform's dependencies alone (database, identity provider, mail), asked in parallel and cut off as in
     * {@link #report()}: what a tenant admin's overview warns about, without the jobs' platform-wide backlogs.
     */
    public List<CheckOutcome> dependencies() {
        List<CheckOutcome> asked = askDependencies();
        recent = new Asked(clock.instant(), asked);
        return asked;
    }

    /**
     * The dependencies' answers of the last {@value #RECENT_SECONDS} seconds, asked anew only when older: an overview
     * opened by many admins does not greet the mail server and the identity provider at every load.
     */
    public List<CheckOutcome> recentDependencies() {
        Asked last = recent;
        if (last != null && last.at().plusSeconds(RECENT_SECONDS).isAfter(clock.instant())) {
            return last.outcomes();
        }
        return dependencies();
    }

    private List<CheckOutcome> askDependencies() {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Instant deadline = Instant.now().plus(allowed);
            List<Future<CheckOutcome>> asked = checks.stream().map(c -> executor.submit(() -> ask(c))).toList();
            return java.util.stream.IntStream.range(0, checks.size())
                    .mapToObj(i -> outcome(checks.get(i), asked.get(i), deadline)).toList();
        } finally {
            executor.shutdownNow();
        }
    }

    public HealthReport report() {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Instant deadline = Instant.now().plus(allowed);
            Future<Map<BackgroundJob, Long>> waiting = executor.submit(this::backlogs);
            List<CheckOutcome> outcomes = dependencies(); // meanwhile the backlogs are counted
            Map<BackgroundJob, Long> backlogs = within(waiting, deadline).orElse(Map.of());
            Instant now = clock.instant();
            List<JobStatus> jobs = Arrays.stream(BackgroundJob.values()).map(job -> JobStatus.of(job, runs.last(job),
                    runs.schedule(), backlogs.get(job), now)).toList();
            return new HealthReport(now, outcomes, jobs, runs.schedule().orElse(null));
        } finally {
            executor.shutdownNow(); // a check still hanging is left to its own timeout, not waited for
        }
    }

    /** Asks one check, timed; its failure is the outcome's detail. */
    static CheckOutcome ask(DependencyCheck check) {
        long start = System.nanoTime();
        try {
            String detail = check.check();
            return new CheckOutcome(check.name(), true, Duration.ofNanos(System.nanoTime() - start), detail);
        } catch (Exception e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new CheckOutcome(check.name(), false, Duration.ofNanos(System.nanoTime() - start), detail);
        }
    }

    private CheckOutcome outcome(DependencyCheck check, Future<CheckOutcome> asked, Instant deadline) {
        return within(asked, deadline).orElseGet(() -> new CheckOutcome(check.name(), false, allowed,
                "no answer within " + allowed.toMillis() + " ms"));
    }

    /** The work waiting for each job, summed over every tenant. */
    private Map<BackgroundJob, Long> backlogs() {
        Map<BackgroundJob, Long> total = new EnumMap<>(BackgroundJob.class);
        Instant now = clock.instant();
        for (var tenant : transactions.platform(tenants::list)) {
            transactions.inTenant(tenant.id(), () -> backlog.waiting(now)).forEach((job, n) -> total.merge(job, n, Long::sum));
        }
        return total;
    }

    private static <T> Optional<T> within(Future<T> future, Instant deadline) {
        try {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            return Optional.ofNullable(future.get(left, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            future.cancel(true);
            return Optional.empty();
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "A health question failed", e.getCause());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
