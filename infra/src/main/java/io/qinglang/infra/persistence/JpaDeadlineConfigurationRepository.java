package io.qinglang.infra.persistence;

import io.qinglang.platform.deadlines.domain.CalendarDay;
import io.qinglang.platform.deadlines.domain.CalendarYear;
import io.qinglang.platform.deadlines.domain.DeadlineConfigurationRepository;
import io.qinglang.platform.deadlines.domain.DeadlinePolicy;
import io.qinglang.platform.deadlines.domain.WorkingCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;

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
        return entities.forTenant().createQuery("select p from DeadlinePolicy p", DeadlinePolicy.class).getResultList();
    }

    @Override
    public WorkingCalendar calendar(ZoneId zone) {
        var em = entities.forTenant();
        List<CalendarDay> days = em.createQuery("select d from CalendarDay d", CalendarDay.class).getResultList();
        List<CalendarYear> years = em.createQuery("select y from CalendarYear y", CalendarYear.class).getResultList();
        return WorkingCalendar.of(zone, days.stream().map(CalendarDay::exception).toList(),
                new HashSet<>(years.stream().map(CalendarYear::year).toList()));
    }
}
