package io.qinglang.platform.cases.application;

import io.qinglang.platform.deadlines.domain.Deadline;
import io.qinglang.platform.deadlines.domain.DeadlineCalculator;
import io.qinglang.platform.deadlines.domain.DeadlineConfigurationRepository;
import io.qinglang.platform.deadlines.domain.DeadlinePolicy;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.deadlines.domain.DurationUnit;
import io.qinglang.platform.deadlines.domain.HandlingPeriod;
import io.qinglang.platform.deadlines.domain.WorkingCalendar;
import io.qinglang.platform.shared.domain.Severity;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Computes a case's stage deadlines from the tenant's policies and working calendar, in the tenant's scope. */
@ApplicationScoped
public class CaseDeadlines {

    private final DeadlineConfigurationRepository configuration;
    private final DeadlineCalculator calculator = new DeadlineCalculator();
    /** Each tenant's working calendar as last read, with what it was read for. */
    private final ConcurrentHashMap<TenantId, Calendar> calendars = new ConcurrentHashMap<>();

    /** A tenant's calendar and the rules version, zone and rest days it was built at. */
    private record Calendar(long rulesVersion, ZoneId zone, Set<DayOfWeek> restDays, WorkingCalendar calendar) {

        boolean builtFor(Tenant tenant) {
            return rulesVersion == tenant.rulesVersion() && zone.equals(tenant.zone()) && restDays.equals(tenant.restDays());
        }
    }

    @Inject
    public CaseDeadlines(DeadlineConfigurationRepository configuration) {
        this.configuration = configuration;
    }

    /** The acknowledgement deadline; a tenant with no acknowledgement policy acknowledges at once. */
    public Deadline acknowledge(Tenant tenant, String categoryCode, Severity severity, Instant receivedAt) {
        return rules(tenant).acknowledge(categoryCode, severity, receivedAt);
    }

    /** The tenant's policies and calendar as they stand now, read once for one piece of work. */
    public Rules rules(Tenant tenant) {
        return new Rules(configuration.policies(), calendar(tenant), calculator);
    }

    /**
     * The tenant's working calendar (every holiday and working weekend of every year it has): built anew only when
     * its rules version, zone or rest days differ from those it was last built at. The version is moved in the same
     * transaction as any change of the calendar, so a tenant read after a change commits is never given the calendar
     * from before it, on any node.
     */
    private WorkingCalendar calendar(Tenant tenant) {
        Calendar known = calendars.get(tenant.id());
        if (known != null && known.builtFor(tenant)) {
            return known.calendar();
        }
        WorkingCalendar calendar = configuration.calendar(tenant.zone(), tenant.restDays());
        calendars.put(tenant.id(), new Calendar(tenant.rulesVersion(), tenant.zone(), tenant.restDays(), calendar));
        return calendar;
    }

    /**
     * The policy in force for the stage: a category's own policy beats a severity's, which beats the tenant's
     * default for the stage; one for both the category and the severity beats all.
     */
    static Optional<DeadlinePolicy> policyFor(List<DeadlinePolicy> policies, DeadlineStage stage, String categoryCode,
                                              Severity severity) {
        String level = severity == null ? null : severity.name();
        return policies.stream().filter(p -> p.appliesTo(stage, categoryCode, level))
                .max(Comparator.comparingInt(DeadlinePolicy::specificity));
    }

    /** One tenant's deadline rules: which policy governs a stage, and when it falls due. */
    public record Rules(List<DeadlinePolicy> policies, WorkingCalendar calendar, DeadlineCalculator calculator) {

        public Optional<DeadlinePolicy> policy(DeadlineStage stage, String categoryCode, Severity severity) {
            return policyFor(policies, stage, categoryCode, severity);
        }

        public Deadline dueAt(HandlingPeriod period, Instant start) {
            return calculator.dueAt(start, period, calendar);
        }

        public Deadline acknowledge(String categoryCode, Severity severity, Instant receivedAt) {
            HandlingPeriod period = policy(DeadlineStage.ACKNOWLEDGE, categoryCode, severity).map(DeadlinePolicy::period)
                    .orElse(new HandlingPeriod(0, DurationUnit.HOURS));
            return dueAt(period, receivedAt);
        }
    }
}
