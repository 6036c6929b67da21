package io.qinglang.infra.persistence;

import io.qinglang.platform.deadlines.domain.CalendarDay;
import io.qinglang.platform.deadlines.domain.CalendarYear;
import io.qinglang.platform.deadlines.domain.DeadlineConfigurationRepository;
import io.qinglang.platform.deadlines.domain.DeadlinePolicy;
import io.qinglang.platform.deadlines.domain.WorkingCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Deadline policies and the working calendar of the tenant in scope. */
@ApplicationScoped
public class JpaDeadlineConfigurationRepository implements DeadlineConfigurationRepository {

    private final TenantEntities entities;

    @Inject
    public JpaDeadlineConfigurationRepository(TenantEntities entities) {
        this.entities = entities;
    }

    @Override
    public void add(DeadlinePolicy policy) {
        entities.forTenant().persist(policy);
    }

    @Override
    public void add(CalendarDay day) {
        entities.forTenant().persist(day);
    }

    @Override
    public void add(CalendarYear year) {
        entities.forTenant().persist(year);
    }

    @Override
    public List<DeadlinePolicy> policies() {
        // a stable order: the public configuration's ETag is computed from what is listed
        return entities.forTenant().createQuery("select p from DeadlinePolicy p where p.retiredAt is null "
                + "order by p.stage, p.categoryCode, p.severity, p.id", DeadlinePolicy.class).getResultList();
    }

    @Override
    public List<DeadlinePolicy> policyHistory() {
        return entities.forTenant().createQuery(
                "select p from DeadlinePolicy p order by p.effectiveFrom desc, p.stage, p.id", DeadlinePolicy.class)
                .getResultList();
    }

    @Override
    public Optional<DeadlinePolicy> policy(UUID id) {
        return entities.forTenant().createQuery("select p from DeadlinePolicy p where p.id = :id", DeadlinePolicy.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    @Override
    public WorkingCalendar calendar(ZoneId zone, Set<DayOfWeek> restDays) {
        var em = entities.forTenant();
        List<CalendarDay> days = em.createQuery("select d from CalendarDay d", CalendarDay.class).getResultList();
        return WorkingCalendar.of(zone, restDays, days.stream().map(CalendarDay::exception).toList(),
                new HashSet<>(years().stream().map(CalendarYear::year).toList()));
    }

    @Override
    public List<CalendarDay> days(int year) {
        return entities.forTenant().createQuery(
                "select d from CalendarDay d where d.day >= :from and d.day < :to order by d.day", CalendarDay.class)
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year + 1, 1, 1))
                .getResultList();
    }

    @Override
    public Optional<CalendarYear> year(int year) {
        return entities.forTenant().createQuery("select y from CalendarYear y where y.year = :year", CalendarYear.class)
                .setParameter("year", year).getResultStream().findFirst();
    }

    @Override
    public List<CalendarYear> years() {
        return entities.forTenant().createQuery("select y from CalendarYear y order by y.year", CalendarYear.class)
                .getResultList();
    }

    @Override
    public void flush() {
        entities.forTenant().flush();
    }

    @Override
    public void removeYear(int year) {
        var em = entities.forTenant();
        days(year).forEach(em::remove);
        year(year).ifPresent(em::remove);
        em.flush();
    }
}
