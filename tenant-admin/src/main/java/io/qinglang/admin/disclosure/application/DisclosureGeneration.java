package io.qinglang.admin.disclosure.application;

import io.qinglang.platform.disclosure.domain.DisclosureArchive;
import io.qinglang.platform.disclosure.domain.DisclosureReport;
import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.InvalidInput;
import io.qinglang.platform.shared.domain.NotFound;
import io.qinglang.platform.statistics.application.StatisticsService;
import io.qinglang.platform.statistics.domain.Period;
import io.qinglang.platform.statistics.domain.PeriodType;
import io.qinglang.platform.tenants.domain.DisclosureSettings;
import io.qinglang.platform.tenants.domain.ReportPeriod;
import io.qinglang.platform.tenants.application.TenantTurns;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantConfigurationRepository;
import io.qinglang.platform.tenants.domain.TenantRepository;
import io.qinglang.platform.tenants.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Generates disclosure reports on any number of nodes. {@link #schedule} asks, for every active tenant that publishes
 * statistics, for the report of each period type in its disclosure settings whose latest period has closed (once per
 * period: the archive keeps one scheduled request a period, whichever node asks first; a failed one is asked for
 * again, up to {@value #ATTEMPTS} times). {@link #generateQueued} claims queued reports one at a time
 * ({@code SKIP LOCKED}, leased) and makes them with no transaction open, so a long report holds no locks; progress is
 * recorded as it goes and extends the lease. A report whose making fails is queued again after a pause, up to
 * {@value #ATTEMPTS} attempts (a node that dies mid-way counts as one); one whose tenant no longer publishes, or
 * whose period cannot be reported, fails at once.
 */
@ApplicationScoped
public class DisclosureGeneration {

    private static final Logger LOG = Logger.getLogger(DisclosureGeneration.class.getName());
    static final Duration LEASE = Duration.ofMinutes(10);
    static final int ATTEMPTS = 3;
    /** How long a failed attempt waits, times the attempts made so far. */
    static final Duration RETRY = Duration.ofMinutes(2);

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final TenantConfigurationRepository configuration;
    private final DisclosureArchive archive;
    private final StatisticsService statistics;
    private final ReportMaker maker;
    private final Clock clock;

    @Inject
    public DisclosureGeneration(TenantTransactions transactions, TenantRepository tenants,
                                TenantConfigurationRepository configuration, DisclosureArchive archive,
                                StatisticsService statistics, ReportMaker maker, Clock clock) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.configuration = configuration;
        this.archive = archive;
        this.statistics = statistics;
        this.maker = maker;
        this.clock = clock;
    }

    /** Queues the scheduled reports now due; returns how many this call queued (another node's count elsewhere). */
    public int schedule() {
        int queued = 0;
        for (Tenant tenant : transactions.platform(tenants::list)) {
            if (tenant.status() != TenantStatus.ACTIVE) {
                continue;
            }
            try {
                queued += transactions.inTenant(tenant.id(), () -> schedule(tenant));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Scheduling the disclosure reports of " + tenant.slug() + " failed", e);
            }
        }
        if (queued > 0) {
            LOG.info("Disclosure reports: " + queued + " scheduled report(s) queued");
        }
        return queued;
    }

    private int schedule(Tenant tenant) {
        DisclosureSettings settings = configuration.disclosure();
        if (settings.publicStatistics().isEmpty()) {
            return 0;
        }
        LocalDate joined = tenant.createdAt().atZone(tenant.zone()).toLocalDate();
        int asked = 0;
        for (ReportPeriod kind : settings.reportPeriods()) {
            Period period = statistics.latestClosed(tenant, type(kind));
            // a body that joined after the period ended has nothing to report for it
            if (!period.lastDay().isBefore(joined)
                    && archive.requestScheduled(period.toString(), now(), ATTEMPTS).isPresent()) {
                asked++;
            }
        }
        return asked;
    }

    /**
     * Makes queued reports until none is due, one report of each tenant in turn, so that one tenant's many
     * requests do not hold back the others'; returns how many this node made.
     */
    public int generateQueued(String node) {
        return TenantTurns.drain(transactions, tenants, "a disclosure report",
                tenant -> archive.claim(node, LEASE, ATTEMPTS), (tenant, report) -> generate(tenant, report, node));
    }

    private boolean generate(Tenant tenant, DisclosureReport report, String node) {
        Instant started = now();
        try {
            ReportMaker.Made made = maker.make(tenant, report, started, (percent, step) -> transactions
                    .inTenant(tenant.id(), () -> archive.progress(report.id(), node, percent, step, LEASE)));
            boolean publish = report.origin() == DisclosureReport.Origin.SCHEDULED;
            boolean stored = transactions.inTenant(tenant.id(),
                    () -> archive.complete(report.id(), node, made.documents(), made.auditHead(), started, publish));
            LOG.info("Disclosure report " + tenant.slug() + " " + report.period() + " v" + report.version()
                    + (stored ? " made in " + Duration.between(started, now()).toMillis() + " ms" : " made, but no longer this node's"));
            return stored;
        } catch (ReportMaker.Abandoned e) {
            LOG.info("Disclosure report " + report.id() + " is no longer this node's: " + e.getMessage());
            return false;
        } catch (NotFound | InvalidInput e) {
            // the tenant stopped publishing, or the period is not one that can be reported: trying again will not help
            failed(tenant, report, node, e.getMessage(), null);
            LOG.warning("Disclosure report " + report.id() + " cannot be made: " + e.getMessage());
            return false;
        } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
            boolean last = report.attempts() >= ATTEMPTS;
            failed(tenant, report, node, "generation failed (" + e.getClass().getSimpleName() + ")"
                    + (last ? "" : "; it will be tried again"), last ? null : RETRY.multipliedBy(report.attempts()));
            LOG.log(Level.WARNING, "Disclosure report " + report.id() + " failed (attempt " + report.attempts() + ")", e);
            return false;
        }
    }

    private void failed(Tenant tenant, DisclosureReport report, String node, String failure, Duration retryAfter) {
        try {
            transactions.inTenant(tenant.id(), () -> archive.fail(report.id(), node, failure, retryAfter));
        } catch (RuntimeException e) {
            // the lease runs out and another attempt is made, up to the attempts allowed
            LOG.log(Level.WARNING, "Recording the failure of disclosure report " + report.id() + " failed", e);
        }
    }

    private static PeriodType type(ReportPeriod kind) {
        return switch (kind) {
            case MONTHLY -> PeriodType.MONTH;
            case QUARTERLY -> PeriodType.QUARTER;
            case YEARLY -> PeriodType.YEAR;
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
