package io.qinglang.infra.persistence;

import io.qinglang.platform.statistics.domain.MonthlyCount;
import io.qinglang.platform.statistics.domain.MonthlyDuration;
import io.qinglang.platform.statistics.domain.StatisticsAggregates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Reads the counts that the database keeps as cases change (V014's triggers on case events, stage completions and
 * reward payments), for the tenant in scope, adding up the stripes concurrent writers keep them in (V015).
 */
@ApplicationScoped
public class SqlStatisticsAggregates implements StatisticsAggregates {

    private final TenantEntities entities;

    @Inject
    public SqlStatisticsAggregates(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public List<MonthlyCount> counts(YearMonth from, YearMonth to) {
        // only what is received is published by category and channel: every other measure comes summed over them,
        // so a large tenant's months are a few dozen rows each, as a small tenant's are
        List<?> rows = entities.forTenant().createNativeQuery("select month, measure, "
                        + "case when measure = 'RECEIVED' then category_code else '' end, "
                        + "case when measure = 'RECEIVED' then channel_code else '' end, detail, "
                        + "sum(count), sum(total) from statistics_cells where month between ?1 and ?2 "
                        + "group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5")
                .setParameter(1, Date.valueOf(from.atDay(1))).setParameter(2, Date.valueOf(to.atDay(1))).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new MonthlyCount(month(r[0]), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], ((Number) r[5]).longValue(), ((Number) r[6]).longValue())).toList();
    }

    @Override
    public List<MonthlyDuration> durations(YearMonth from, YearMonth to) {
        List<?> rows = entities.forTenant().createNativeQuery("select month, measure, hours, sum(count) "
                        + "from statistics_durations where month between ?1 and ?2 group by month, measure, hours "
                        + "order by month, measure, hours")
                .setParameter(1, Date.valueOf(from.atDay(1))).setParameter(2, Date.valueOf(to.atDay(1))).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new MonthlyDuration(month(r[0]), (String) r[1],
                ((Number) r[2]).intValue(), ((Number) r[3]).longValue())).toList();
    }

    @Override
    public Optional<YearMonth> firstMonth() {
        List<?> rows = entities.forTenant().createNativeQuery("select min(month) from statistics_cells").getResultList();
        return rows.stream().filter(java.util.Objects::nonNull).findFirst().map(SqlStatisticsAggregates::month);
    }

    private static YearMonth month(Object value) {
        LocalDate day = value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
        return YearMonth.from(day);
    }
}
