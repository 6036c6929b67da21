package io.qinglang.platform.statistics.application;

import io.qinglang.platform.shared.application.TenantTransactions;
import io.qinglang.platform.shared.domain.NotFound;
import io.qinglang.platform.statistics.domain.Figures;
import io.qinglang.platform.statistics.domain.MonthlyCount;
import io.qinglang.platform.statistics.domain.MonthlyDuration;
import io.qinglang.platform.statistics.domain.Period;
import io.qinglang.platform.statistics.domain.PeriodRefused;
import io.qinglang.platform.statistics.domain.PeriodType;
import io.qinglang.platform.statistics.domain.Publication;
import io.qinglang.platform.statistics.domain.PublishedStatistics;
import io.qinglang.platform.statistics.domain.StatisticsAggregates;
import io.qinglang.platform.statistics.domain.StatisticsCsv;
import io.qinglang.platform.tenants.application.TenantDirectory;
import io.qinglang.platform.tenants.domain.Category;
import io.qinglang.platform.tenants.domain.Channel;
import io.qinglang.platform.tenants.domain.DisclosureSettings;
import io.qinglang.platform.tenants.domain.Tenant;
import io.qinglang.platform.tenants.domain.TenantConfigurationRepository;
import io.qinglang.platform.tenants.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Publishes a tenant's statistics for a closed period. Reads only the kept monthly counts of the period, of the
 * period before it and of a year earlier (at most 24 months), so the cost does not grow with the number of cases.
 */
@ApplicationScoped
public class StatisticsService {

    private final TenantTransactions transactions;
    private final TenantDirectory directory;
    private final TenantConfigurationRepository configuration;
    private final StatisticsAggregates aggregates;
    private final Clock clock;
    private static final Duration GRACE = Duration.ofHours(1);

    @Inject
    public StatisticsService(TenantTransactions transactions, TenantDirectory directory,
                             TenantConfigurationRepository configuration, StatisticsAggregates aggregates, Clock clock) {
        this.transactions = transactions;
        this.directory = directory;
        this.configuration = configuration;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    /** The closed periods a tenant has statistics for, newest first, by length; and the one shown by default. */
    public record Periods(List<String> months, List<String> quarters, List<String> years, String latest) {
    }

    public PublishedStatistics publish(String slug, String periodText, String pointer) {
        Tenant tenant = publishing(slug);
        Period period = closed(tenant, periodText, pointer);
        return transactions.inTenant(tenant.id(), () -> {
            DisclosureSettings disclosure = configuration.disclosure();
            YearMonth from = period.yearEarlier().first().isBefore(period.previous().first())
                    ? period.yearEarlier().first() : period.previous().first();
            Map<YearMonth, List<MonthlyCount>> counts = aggregates.counts(from, period.last()).stream()
                    .collect(Collectors.groupingBy(MonthlyCount::month));
            Map<YearMonth, List<MonthlyDuration>> durations = aggregates.durations(period.first(), period.last()).stream()
                    .collect(Collectors.groupingBy(MonthlyDuration::month));
            Publication publication = new Publication(disclosure.smallCellK(), p -> Figures.of(
                    p.months().stream().flatMap(m -> counts.getOrDefault(m, List.of()).stream()).toList(),
                    p.months().stream().flatMap(m -> durations.getOrDefault(m, List.of()).stream()).toList()));
            return publication.of(tenant.slug(), period, disclosure.publicStatistics(),
                    configuration.channels().stream().sorted(Comparator.comparing(Channel::code))
                            .map(c -> new PublishedStatistics.Named(c.code(), c.nameZh(), c.nameEn())).toList(),
                    configuration.categories().stream().sorted(Comparator.comparingInt(Category::sortOrder)
                            .thenComparing(Category::code))
                            .map(c -> new PublishedStatistics.Named(c.code(), c.nameZh(), c.nameEn())).toList());
        });
    }

    /**
     * The period named by {@code periodText} if the tenant publishes statistics and the period is closed, as
     * {@link #publish} would take it; refused (naming {@code pointer}) otherwise.
     */
    /** The published figures as CSV (RFC 4180, UTF-8), the same cells as the page and the JSON. */
    public String csv(PublishedStatistics published) {
        return StatisticsCsv.of(published);
    }

    public Period closedPeriod(String slug, String periodText, String pointer) {
        return closed(publishing(slug), periodText, pointer);
    }

    /** The newest closed period of the type in the tenant's time zone, as {@link #publish} judges closed. */
    public Period latestClosed(Tenant tenant, PeriodType type) {
        return Period.latestClosed(type, today(tenant));
    }

    private Period closed(Tenant tenant, String periodText, String pointer) {
        Period period = Period.parse(periodText, pointer);
        if (!period.closedOn(today(tenant))) {
            throw PeriodRefused.notClosed(pointer, period);
        }
        return period;
    }

    /** Today less an hour's grace: a change whose transaction began before midnight counts in the month it began in. */
    private LocalDate today(Tenant tenant) {
        return LocalDateTime.now(clock.withZone(tenant.zone())).minus(GRACE).toLocalDate();
    }

    public Periods periods(String slug) {
        Tenant tenant = publishing(slug);
        YearMonth current = YearMonth.from(today(tenant));
        Optional<YearMonth> first = transactions.inTenant(tenant.id(), aggregates::firstMonth);
        List<String> months = new ArrayList<>();
        List<String> quarters = new ArrayList<>();
        List<String> years = new ArrayList<>();
        YearMonth lastClosed = current.minusMonths(1);
        YearMonth start = first.filter(m -> m.isBefore(lastClosed)).orElse(lastClosed);
        for (YearMonth m = current.minusMonths(1); !m.isBefore(start); m = m.minusMonths(1)) {
            months.add(m.toString());
            if (m.getMonthValue() % 3 == 0) {
                quarters.add(new Period(PeriodType.QUARTER, m.minusMonths(2)).toString());
            }
            if (m.getMonthValue() == 12) {
                years.add(Integer.toString(m.getYear()));
            }
        }
        return new Periods(months, quarters, years, months.getFirst());
    }

    private Tenant publishing(String slug) {
        Tenant tenant = directory.require(slug);
        boolean publishes = tenant.status() == TenantStatus.ACTIVE
                && !transactions.inTenant(tenant.id(), configuration::disclosure).publicStatistics().isEmpty();
        if (!publishes) {
            throw new NotFound("STATISTICS_NOT_PUBLISHED", "Tenant " + slug + " publishes no statistics.");
        }
        return tenant;
    }
}
