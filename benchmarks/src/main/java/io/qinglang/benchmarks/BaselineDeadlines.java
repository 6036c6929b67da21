package io.qinglang.benchmarks;

import io.qinglang.platform.deadlines.domain.CalendarException;
import io.qinglang.platform.deadlines.domain.DayKind;
import io.qinglang.platform.deadlines.domain.Deadline;
import io.qinglang.platform.deadlines.domain.DeadlineCalculator;
import io.qinglang.platform.deadlines.domain.DeadlineStage;
import io.qinglang.platform.deadlines.domain.DurationUnit;
import io.qinglang.platform.deadlines.domain.HandlingPeriod;
import io.qinglang.platform.deadlines.domain.WorkingCalendar;
import io.qinglang.platform.shared.domain.TenantId;
import io.qinglang.platform.tenants.domain.Tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The acknowledgement deadline as the baseline computes it: the same reads as the platform's CaseDeadlines — the
 * policies every time; the working calendar (two reads) only when the tenant's rules version, read with the tenant,
 * differs from the one it was last built at — then the platform's own calculator (pure Java, no JPA).
 */
final class BaselineDeadlines {

    private final DeadlineCalculator calculator = new DeadlineCalculator();
    /** Each tenant's calendar as last built, with the rules version, zone and rest days it was built at. */
    private final Map<TenantId, Calendar> calendars = new ConcurrentHashMap<>();

    private record Calendar(long rulesVersion, ZoneId zone, String restDays, WorkingCalendar calendar) {
    }

    Deadline acknowledge(Connection connection, BaselineDatabase.TenantRow tenant, String categoryCode, Instant now)
            throws SQLException {
        HandlingPeriod period = acknowledgePeriod(connection, tenant, categoryCode);
        return calculator.dueAt(now, period, calendar(connection, tenant));
    }

    /** Mirrors CaseDeadlines.calendar. */
    private WorkingCalendar calendar(Connection connection, BaselineDatabase.TenantRow tenant) throws SQLException {
        Calendar known = calendars.get(tenant.id());
        if (known != null && known.rulesVersion() == tenant.rulesVersion() && known.zone().equals(tenant.zone())
                && known.restDays().equals(tenant.restDays())) {
            return known.calendar();
        }
        WorkingCalendar calendar = WorkingCalendar.of(tenant.zone(), Tenant.restDaysOf(tenant.restDays()),
                calendarDays(connection, tenant), calendarYears(connection, tenant));
        calendars.put(tenant.id(), new Calendar(tenant.rulesVersion(), tenant.zone(), tenant.restDays(), calendar));
        return calendar;
    }

    /** Mirrors JpaDeadlineConfigurationRepository.policies and CaseDeadlines.policyFor (a category's own policy wins). */
    private static HandlingPeriod acknowledgePeriod(Connection connection, BaselineDatabase.TenantRow tenant,
                                                    String categoryCode) throws SQLException {
        HandlingPeriod chosen = null;
        boolean specific = false;
        try (PreparedStatement select = connection.prepareStatement("select tenant_id, id, alert_percents, amount, category_code, "
                + "extension_amount, extension_needs_approval, extension_unit, pauses_while_waiting, stage, unit "
                + "from deadline_policies where tenant_id = ?")) {
            select.setObject(1, tenant.id().value());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String category = row.getString("category_code");
                    boolean applies = DeadlineStage.ACKNOWLEDGE.name().equals(row.getString("stage"))
                            && (category == null || category.equals(categoryCode));
                    if (applies && (chosen == null || category != null && !specific)) {
                        chosen = new HandlingPeriod(row.getInt("amount"), DurationUnit.valueOf(row.getString("unit")));
                        specific = category != null;
                    }
                }
            }
        }
        return chosen == null ? new HandlingPeriod(0, DurationUnit.HOURS) : chosen;
    }

    /** Mirrors JpaDeadlineConfigurationRepository.calendar (its first query). */
    private static List<CalendarException> calendarDays(Connection connection, BaselineDatabase.TenantRow tenant)
            throws SQLException {
        List<CalendarException> days = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select tenant_id, day, kind, name_en, name_zh from calendar_days where tenant_id = ?")) {
            select.setObject(1, tenant.id().value());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    days.add(new CalendarException(row.getDate("day").toLocalDate(), DayKind.valueOf(row.getString("kind")),
                            row.getString("name_zh"), row.getString("name_en")));
                }
            }
        }
        return days;
    }

    /** Mirrors JpaDeadlineConfigurationRepository.calendar (its second query). */
    private static Set<Integer> calendarYears(Connection connection, BaselineDatabase.TenantRow tenant)
            throws SQLException {
        Set<Integer> years = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select tenant_id, year, source from calendar_years where tenant_id = ?")) {
            select.setObject(1, tenant.id().value());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    years.add(row.getInt("year"));
                }
            }
        }
        return years;
    }
}
